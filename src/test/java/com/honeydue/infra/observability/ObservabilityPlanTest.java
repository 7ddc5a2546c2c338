package com.honeydue.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.workload.NetworkPeer.IpBlock;
import com.honeydue.infra.workload.NetworkPeer.Pods;
import com.honeydue.infra.workload.NetworkPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decisions; the scrape config is checked as parsed YAML data, the way vmagent reads it. */
class ObservabilityPlanTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode scrape(ObservabilityPlan plan) throws Exception {
        return YAML.readTree(ScrapeConfigRenderer.yaml(plan.scrapeConfig()));
    }

    private static List<String> jobNames(JsonNode scrape) {
        List<String> names = new ArrayList<>();
        scrape.path("scrape_configs").forEach(j -> names.add(j.path("job_name").asText()));
        return names;
    }

    private static JsonNode job(JsonNode scrape, String name) {
        for (JsonNode j : scrape.path("scrape_configs")) {
            if (j.path("job_name").asText().equals(name)) {
                return j;
            }
        }
        throw new AssertionError("no job " + name + " in " + jobNames(scrape));
    }

    private static boolean hasRule(JsonNode job, String source, String action, String regexOrTarget) {
        for (JsonNode r : job.path("relabel_configs")) {
            boolean src = source == null ? !r.has("source_labels")
                    : r.path("source_labels").size() == 1 && r.path("source_labels").get(0).asText().equals(source);
            boolean act = r.path("action").asText().equals(action);
            boolean arg = regexOrTarget.equals(r.path("regex").asText(null)) || regexOrTarget.equals(r.path("target_label").asText(null));
            if (src && act && arg) {
                return true;
            }
        }
        return false;
    }

    @Test
    void defaultJobsAreApiKubeStateMetricsAndNodeExporter() throws Exception {
        JsonNode s = scrape(ObsStacks.plan("ovh", Map.of()));
        assertThat(jobNames(s)).containsExactly("api", "kube-state-metrics", "node-exporter");
        assertThat(s.at("/global/scrape_interval").asText()).isEqualTo("30s");
    }

    @Test
    void apiJobDiscoversApiPodsInHoneydueOnPort8000AndKeepsTheNamespaceLabel() throws Exception {
        JsonNode api = job(scrape(ObsStacks.plan("ovh", Map.of())), "api");
        assertThat(api.path("metrics_path").asText()).isEqualTo("/metrics");
        JsonNode sd = api.path("kubernetes_sd_configs").get(0);
        assertThat(sd.path("role").asText()).isEqualTo("pod");
        assertThat(sd.at("/namespaces/names").get(0).asText()).isEqualTo("honeydue");
        assertThat(hasRule(api, "__meta_kubernetes_pod_label_app_kubernetes_io_name", "keep", "api")).isTrue();
        // The regex is the string "8000" in YAML, not a number.
        JsonNode portRule = api.path("relabel_configs").get(1);
        assertThat(portRule.path("regex").isTextual()).isTrue();
        assertThat(hasRule(api, "__meta_kubernetes_pod_container_port_number", "keep", "8000")).isTrue();
        // Runbook §9.5: namespace="honeydue" must match api series too; service/job stay for existing dashboards.
        assertThat(hasRule(api, "__meta_kubernetes_namespace", "replace", "namespace")).isTrue();
        assertThat(hasRule(api, "__meta_kubernetes_pod_name", "replace", "pod")).isTrue();
        assertThat(hasRule(api, "__meta_kubernetes_pod_node_name", "replace", "node")).isTrue();
        assertThat(hasRule(api, null, "replace", "service")).isTrue();
        for (JsonNode r : api.path("relabel_configs")) {
            assertThat(r.path("action").asText()).isNotIn("labeldrop", "labelkeep", "drop");
        }
    }

    @Test
    void externalLabelsCarryAClusterLabelUniquePerStackAndTheEnvironment() throws Exception {
        JsonNode ovh = scrape(ObsStacks.plan("ovh", Map.of())).at("/global/external_labels");
        JsonNode prod = scrape(ObsStacks.plan("prod", Map.of())).at("/global/external_labels");
        assertThat(ovh.path("cluster").asText()).isEqualTo("honeydue-ovh");
        assertThat(prod.path("cluster").asText()).isEqualTo("honeydue-hetzner");
        assertThat(ovh.path("environment").asText()).isEqualTo("prod");
        // Empty clusterLabel: derived from the stack name, so two stacks never collide (runbook §9.6).
        JsonNode derived = scrape(ObsStacks.plan("ovh", Map.of("clusterLabel", "\"\"", "environmentLabel", "staging")))
                .at("/global/external_labels");
        assertThat(derived.path("cluster").asText()).isEqualTo("honeydue-ovh");
        assertThat(derived.path("environment").asText()).isEqualTo("staging");
        assertThat(ObsStacks.plan("prod", Map.of("clusterLabel", "\"\"")).externalLabels()).containsEntry("cluster", "honeydue-prod");
    }

    @Test
    void nodeExporterIsScrapedOnEveryNodeAddressOnPort9100() throws Exception {
        JsonNode ne = job(scrape(ObsStacks.plan("ovh", Map.of())), "node-exporter");
        assertThat(ne.at("/kubernetes_sd_configs/0/role").asText()).isEqualTo("node");
        JsonNode address = ne.path("relabel_configs").get(0);
        assertThat(address.path("target_label").asText()).isEqualTo("__address__");
        assertThat(address.path("replacement").asText()).isEqualTo("$1:9100");
        assertThat("51.81.83.33:10250".replaceAll(address.path("regex").asText(), address.path("replacement").asText()))
                .isEqualTo("51.81.83.33:9100");
        assertThat(hasRule(ne, "__meta_kubernetes_node_name", "replace", "node")).isTrue();
    }

    @Test
    void kubeStateMetricsJobHonoursTheObjectLabels() throws Exception {
        JsonNode ksm = job(scrape(ObsStacks.plan("ovh", Map.of())), "kube-state-metrics");
        assertThat(ksm.path("honor_labels").asBoolean()).isTrue();
        assertThat(ksm.at("/static_configs/0/targets/0").asText()).isEqualTo("kube-state-metrics.kube-system.svc:8080");
    }

    @Test
    void workerJobOnlyWhenTheWorkerExposesMetrics() throws Exception {
        assertThat(jobNames(scrape(ObsStacks.plan("ovh", Map.of())))).doesNotContain("worker");
        JsonNode worker = job(scrape(ObsStacks.plan("ovh", Map.of("workerMetricsEnabled", "true"))), "worker");
        assertThat(hasRule(worker, "__meta_kubernetes_pod_label_app_kubernetes_io_name", "keep", "worker")).isTrue();
        assertThat(hasRule(worker, "__meta_kubernetes_pod_container_port_number", "keep", "6060")).isTrue();
    }

    @Test
    void switchedOffExportersLoseTheirJobs() throws Exception {
        var plan = ObsStacks.plan("ovh", Map.of("kubeStateMetricsEnabled", "false", "nodeExporterEnabled", "false"));
        assertThat(jobNames(scrape(plan))).containsExactly("api");
        assertThat(plan.vmagentWatchesNodes()).isFalse();
        assertThat(plan.vmagentEgress()).noneMatch(r -> r.ports().contains(NetworkPort.tcp(9100)) || r.ports().contains(NetworkPort.tcp(8080)));
    }

    @Test
    void traefikMetricsUse9101AndFollowTheIngressMode() throws Exception {
        var off = ObsStacks.plan("prod", Map.of());
        assertThat(off.traefikMetricsValues()).isEmpty();
        assertThat(jobNames(scrape(off))).doesNotContain("traefik");

        // Hetzner: Traefik is a hostNetwork DaemonSet next to node-exporter's :9100, so metrics move to :9101.
        var hetzner = ObsStacks.plan("prod", Map.of("traefikMetricsEnabled", "true"));
        assertThat(hetzner.traefikMetricsValues()).isEqualTo(Map.of(
                "metrics", Map.of("prometheus", Map.of("entryPoint", "metrics")),
                "ports", Map.of("metrics", Map.of("port", 9101, "expose", Map.of("default", false),
                        "exposedPort", 9101, "protocol", "TCP"))));
        JsonNode hostJob = job(scrape(hetzner), "traefik");
        assertThat(hostJob.at("/kubernetes_sd_configs/0/role").asText()).isEqualTo("node");
        assertThat(hostJob.path("relabel_configs").get(0).path("replacement").asText()).isEqualTo("$1:9101");

        // OVH: Traefik is an ordinary Deployment in kube-system behind klipper-lb.
        JsonNode podJob = job(scrape(ObsStacks.plan("ovh", Map.of("traefikMetricsEnabled", "true"))), "traefik");
        assertThat(podJob.at("/kubernetes_sd_configs/0/namespaces/names/0").asText()).isEqualTo("kube-system");
        assertThat(hasRule(podJob, "__meta_kubernetes_pod_container_port_number", "keep", "9101")).isTrue();
    }

    @Test
    void alloyLogsRunsOutsideTheAppNamespace() {
        assertThat(ObsStacks.plan("ovh", Map.of()).alloyNamespace()).isEqualTo("honeydue-logs").isNotEqualTo("honeydue");
    }

    @Test
    void vmagentEgressHasBothRulesK3sNeedsForTheApiServer() {
        List<EgressRule> egress = ObsStacks.plan("ovh", Map.of()).vmagentEgress();
        assertThat(egress).anySatisfy(r -> {
            assertThat(r.to()).containsExactly(new IpBlock("10.43.0.0/16", List.of()));
            assertThat(r.ports()).containsExactly(NetworkPort.tcp(443));
        });
        assertThat(egress).anySatisfy(r -> {
            assertThat(r.to()).containsExactly(new IpBlock("0.0.0.0/0", List.of("10.42.0.0/16")));
            assertThat(r.ports()).containsExactly(NetworkPort.tcp(6443));
        });
        assertThat(egress).anySatisfy(r -> assertThat(r.ports()).containsExactly(NetworkPort.udp(53), NetworkPort.tcp(53)));
        assertThat(egress).anySatisfy(r -> {
            assertThat(r.to()).containsExactly(new Pods(Optional.empty(), Map.of(Labels.NAME, "api")));
            assertThat(r.ports()).containsExactly(NetworkPort.tcp(8000));
        });
        assertThat(egress).anySatisfy(r -> {
            assertThat(r.to()).containsExactlyInAnyOrder(new IpBlock("51.81.83.33/32", List.of()),
                    new IpBlock("51.81.87.86/32", List.of()), new IpBlock("51.81.85.248/32", List.of()));
            assertThat(r.ports()).containsExactly(NetworkPort.tcp(9100));
        });
        assertThat(egress).noneMatch(r -> r.ports().contains(NetworkPort.tcp(6060)));
        assertThat(ObsStacks.plan("ovh", Map.of("workerMetricsEnabled", "true")).vmagentEgress())
                .anySatisfy(r -> assertThat(r.ports()).containsExactly(NetworkPort.tcp(6060)));
    }

    @Test
    void observabilityEndpointEgressNarrowsToConfiguredCidrs() {
        var open = ObsStacks.plan("ovh", Map.of()).alloyEgress();
        assertThat(open).anySatisfy(r -> {
            assertThat(r.to()).containsExactly(new IpBlock("0.0.0.0/0", List.of("10.42.0.0/16", "10.43.0.0/16")));
            assertThat(r.ports()).containsExactly(NetworkPort.tcp(443));
        });
        var narrow = ObsStacks.plan("ovh", Map.of("obsEndpointCidrs", "[\"203.0.113.10/32\"]")).alloyEgress();
        assertThat(narrow).anySatisfy(r -> assertThat(r.to()).containsExactly(new IpBlock("203.0.113.10/32", List.of())));
        assertThat(narrow).noneMatch(r -> r.to().contains(new IpBlock("0.0.0.0/0", List.of("10.42.0.0/16", "10.43.0.0/16"))));
        // alloy scrapes nothing: API, DNS, obs endpoint only.
        assertThat(narrow).hasSize(4);
    }

    @Test
    void nodeFirewallOpensScrapePortsToThePodNetworkAndThePeersOnly() {
        List<FirewallRuleSpec> ovh = ObsStacks.plan("ovh", Map.of()).nodeFirewallRules();
        assertThat(ovh).containsExactly(
                new FirewallRuleSpec("9100", "tcp", Optional.of("10.42.0.0/16")),
                new FirewallRuleSpec("9100", "tcp", Optional.of("51.81.83.33/32")),
                new FirewallRuleSpec("9100", "tcp", Optional.of("51.81.87.86/32")),
                new FirewallRuleSpec("9100", "tcp", Optional.of("51.81.85.248/32")));
        assertThat(ObsStacks.plan("prod", Map.of("traefikMetricsEnabled", "true")).nodeFirewallRules())
                .filteredOn(r -> r.ports().equals("9101")).hasSize(4);
        assertThat(ObsStacks.plan("ovh", Map.of("traefikMetricsEnabled", "true")).nodeFirewallRules())
                .noneMatch(r -> r.ports().equals("9101"));
        assertThat(ObsStacks.plan("ovh", Map.of("nodeExporterEnabled", "false")).nodeFirewallRules()).isEmpty();
    }

    @Test
    void alloyPipelineRelabelsNamespacePodContainerAndPushesWithTheTokenFile() {
        var plan = ObsStacks.plan("ovh", Map.of());
        String river = AlloyLogsConfig.render(plan.config().lokiPushUrl(), plan.externalLabels());
        for (String label : List.of("namespace", "pod", "container")) {
            assertThat(river).contains("target_label  = \"" + label + "\"");
        }
        assertThat(river).contains("replacement   = \"/var/log/pods/$1_$2_$3/$4/*.log\"")
                .contains("url               = \"https://obs.88oakapps.com/loki/api/v1/push\"")
                .contains("bearer_token_file = \"/etc/alloy-logs-loki/bearer_token\"")
                .contains("cluster = \"honeydue-ovh\",")
                .contains("field = \"spec.nodeName=\" + sys.env(\"NODE_NAME\")")
                .doesNotContain("bearer_token =");
        assertThat(river.chars().filter(c -> c == '{').count()).isEqualTo(river.chars().filter(c -> c == '}').count());
    }

    @Test
    void livenessProbeFailsUnlessSomeTargetIsUp() throws Exception {
        List<String> cmd = VmagentProbe.command();
        assertThat(cmd.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(cmd.get(2)).contains("http://127.0.0.1:8429/api/v1/targets");
        // Run the pipeline's filter against vmagent-shaped answers when a POSIX shell is at hand.
        if (new java.io.File("/bin/sh").canExecute()) {
            String filter = cmd.get(2).substring(cmd.get(2).indexOf("| ") + 2);
            assertThat(runFilter(filter, "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"health\":\"down\"},{\"health\":\"up\"}]}}")).isZero();
            assertThat(runFilter(filter, "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"health\":\"down\"}]}}")).isNotZero();
            assertThat(runFilter(filter, "{\"status\":\"success\",\"data\":{\"activeTargets\":[]}}")).isNotZero();
            assertThat(runFilter(filter, "")).isNotZero();
        }
    }

    private static int runFilter(String filter, String input) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", filter).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes());
        p.getOutputStream().close();
        return p.waitFor();
    }
}
