package com.honeydue.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The component under the mock engine: what Kubernetes would receive. */
class ObservabilityAgentsMockTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MARKER = "obs-token-MARKER-7f3a9c";
    private static final String SA = "kubernetes:core/v1:ServiceAccount";
    private static final String NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String DAEMONSET = "kubernetes:apps/v1:DaemonSet";

    private static RecordedResource component(StackRun run) {
        return run.named(ObservabilityAgents.TYPE, "observability");
    }

    private static List<RecordedResource> children(StackRun run) {
        String urn = component(run).urn();
        return run.resources().stream().filter(r -> urn.equals(r.parent())).toList();
    }

    /** This component's objects of a type in a namespace (the app adds its own to honeydue). */
    private static List<RecordedResource> inNamespace(StackRun run, String type, String ns) {
        return children(run).stream().filter(r -> r.type().equals(type))
                .filter(r -> ns.equals(r.inputs().at("/metadata/namespace").asText())).toList();
    }

    private static JsonNode container(RecordedResource workload) {
        return workload.inputs().at("/spec/template/spec/containers/0");
    }

    private static JsonNode egressWithPort(RecordedResource policy, int port) {
        for (JsonNode rule : policy.inputs().at("/spec/egress")) {
            for (JsonNode p : rule.path("ports")) {
                if (p.path("port").asDouble() == port) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no egress rule for port " + port + " in " + policy.name());
    }

    @Test
    void everyAgentResourceIsAChildOfTheComponentOnTheClusterProvider() {
        StackRun run = StackFixtures.run("ovh");
        List<RecordedResource> children = children(run);
        assertThat(children).extracting(r -> r.type() + "/" + r.name()).contains(
                "kubernetes:apps/v1:Deployment/kube-state-metrics", "kubernetes:apps/v1:DaemonSet/node-exporter",
                "kubernetes:apps/v1:Deployment/vmagent", "kubernetes:apps/v1:DaemonSet/alloy-logs",
                NETPOL + "/allow-egress-from-vmagent", NETPOL + "/alloy-logs");
        String provider = run.resources().stream().filter(r -> r.type().equals("pulumi:providers:kubernetes"))
                .findFirst().orElseThrow().urn();
        assertThat(children).allSatisfy(r -> assertThat(r.provider()).startsWith(provider));
        // Every k8s object is labelled per the contract.
        assertThat(children).allSatisfy(r -> {
            assertThat(r.inputs().at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("honeydue");
            assertThat(r.inputs().at("/metadata/labels/app.kubernetes.io~1component").asText()).isNotEmpty();
        });
    }

    @Test
    void vmagentInHoneydueAndAlloyLogsInItsOwnNamespace() {
        StackRun run = StackFixtures.run("ovh");
        assertThat(inNamespace(run, SA, "honeydue")).extracting(RecordedResource::name).containsExactly("vmagent");
        assertThat(inNamespace(run, NETPOL, "honeydue")).extracting(RecordedResource::name)
                .containsExactly("allow-egress-from-vmagent");
        assertThat(inNamespace(run, SA, "honeydue-logs")).extracting(RecordedResource::name).containsExactly("alloy-logs");
        assertThat(inNamespace(run, NETPOL, "honeydue-logs")).extracting(r -> r.inputs().at("/metadata/name").asText())
                .containsExactlyInAnyOrder("default-deny-all", "alloy-logs");
        assertThat(inNamespace(run, SA, "kube-system")).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("kube-state-metrics", "node-exporter");
        assertThat(run.ofType(SA)).allSatisfy(sa -> assertThat(sa.inputs().path("automountServiceAccountToken").asBoolean(true)).isFalse());
    }

    @Test
    void workerMetricsOpenTheWorkerToVmagentOnlyOnItsMetricsPort() {
        StackRun run = MockStackRunner.run(ObsStacks.config("ovh", Map.of("workerMetricsEnabled", "true")));
        JsonNode spec = run.named(NETPOL, "allow-ingress-worker-metrics").inputs().path("spec");
        assertThat(spec.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("worker");
        assertThat(spec.at("/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("vmagent");
        assertThat(spec.at("/ingress/0/ports/0/port").asInt()).isEqualTo(6060);
        assertThat(run.named("kubernetes:core/v1:ConfigMap", "vmagent-config").inputs().at("/data/scrape.yaml").asText())
                .contains("job_name: worker");
    }

    @Test
    void withTheAppTheNamespaceHasSixServiceAccountsAnd13NetworkPolicies() {
        StackRun run = StackFixtures.run("ovh");
        java.util.function.BiFunction<String, String, List<String>> all = (type, ns) -> run.ofType(type).stream()
                .filter(r -> ns.equals(r.inputs().at("/metadata/namespace").asText())).map(RecordedResource::name).toList();
        assertThat(all.apply(SA, "honeydue"))
                .containsExactlyInAnyOrder("api", "worker", "admin", "web", "redis", "vmagent");
        // Runbook §6.10 counts 7 ServiceAccounts: alloy-logs' now lives in honeydue-logs.
        assertThat(all.apply(SA, "honeydue-logs")).containsExactly("alloy-logs");
        // Runbook §5's 13, plus allow-egress-admin-to-api (the admin panel calls the api), minus alloy-logs' policy
        // (now in honeydue-logs, next to that namespace's own default-deny).
        assertThat(all.apply(NETPOL, "honeydue")).hasSize(13);
        // The agents wait for the namespace the app creates.
        String namespace = run.named("kubernetes:core/v1:Namespace", "honeydue").urn();
        assertThat(run.named(SA, "vmagent").dependsOn()).contains(namespace);
    }

    @Test
    void vmagentNetworkPolicyHasTheK3sApiRulesAndNoIngress() {
        RecordedResource np = StackFixtures.run("ovh").named(NETPOL, "allow-egress-from-vmagent");
        JsonNode spec = np.inputs().path("spec");
        assertThat(spec.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("vmagent");
        assertThat(spec.path("policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(spec.has("ingress")).isFalse();

        JsonNode service = egressWithPort(np, 443);
        assertThat(service.at("/to/0/ipBlock/cidr").asText()).isEqualTo("10.43.0.0/16");
        JsonNode apiServer = egressWithPort(np, 6443);
        assertThat(apiServer.at("/to/0/ipBlock/cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(apiServer.at("/to/0/ipBlock/except/0").asText()).isEqualTo("10.42.0.0/16");
        assertThat(apiServer.at("/ports/0/protocol").asText()).isEqualTo("TCP");

        JsonNode dns = egressWithPort(np, 53);
        assertThat(dns.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("kube-system");
        assertThat(dns.at("/to/0/podSelector/matchLabels/k8s-app").asText()).isEqualTo("kube-dns");
        assertThat(dns.path("ports")).extracting(p -> p.path("protocol").asText()).containsExactlyInAnyOrder("UDP", "TCP");

        assertThat(egressWithPort(np, 8000).at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("api");
        JsonNode ksm = egressWithPort(np, 8080);
        assertThat(ksm.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("kube-system");
        assertThat(ksm.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("kube-state-metrics");
        assertThat(egressWithPort(np, 9100).path("to")).extracting(t -> t.at("/ipBlock/cidr").asText())
                .containsExactlyInAnyOrder("51.81.83.33/32", "51.81.87.86/32", "51.81.85.248/32");

        RecordedResource alloy = StackFixtures.run("ovh").named(NETPOL, "alloy-logs");
        assertThat(alloy.inputs().at("/spec/policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(alloy.inputs().at("/spec").has("ingress")).isFalse();
        assertThat(egressWithPort(alloy, 6443).at("/to/0/ipBlock/except/0").asText()).isEqualTo("10.42.0.0/16");
        assertThat(alloy.inputs().at("/spec/egress")).hasSize(4);
    }

    @Test
    void vmagentLivenessChecksScrapeTargetsNotJustTheProcess() {
        JsonNode c = container(StackFixtures.run("ovh").named(DEPLOYMENT, "vmagent"));
        JsonNode liveness = c.path("livenessProbe");
        assertThat(liveness.has("httpGet")).isFalse();
        assertThat(liveness.at("/exec/command")).extracting(JsonNode::asText).isEqualTo(VmagentProbe.command());
        assertThat(liveness.at("/exec/command/2").asText()).contains("/api/v1/targets").contains("\"health\"");
        assertThat(liveness.path("periodSeconds").asDouble()).isEqualTo(60.0);
        assertThat(liveness.path("failureThreshold").asDouble()).isEqualTo(3.0);
    }

    @Test
    void ingestTokenIsOnlyEverASecretReference() {
        StackRun run = MockStackRunner.run(ObsStacks.config("ovh", Map.of("obsIngestToken", MARKER)));
        for (RecordedResource r : run.resources()) {
            assertThat(r.inputs().toString()).as("inputs of %s/%s", r.type(), r.name()).doesNotContain(MARKER);
        }
        assertThat(run.outputs().toString()).doesNotContain(MARKER);

        RecordedResource secret = run.named("kubernetes:core/v1:Secret", "vmagent-remote-write");
        assertThat(secret.secretPaths()).anyMatch(p -> p.startsWith("/data"));
        assertThat(secret.inputs().path("data")).as("keys kept, every value masked").isNotEmpty()
                .allSatisfy(v -> assertThat(v.asText()).isEqualTo("[secret]"));
        assertThat(run.named("kubernetes:core/v1:Secret", "alloy-logs-loki").secretPaths()).anyMatch(p -> p.startsWith("/data"));

        JsonNode vmagent = container(run.named(DEPLOYMENT, "vmagent"));
        assertThat(vmagent.path("args")).extracting(JsonNode::asText)
                .contains("-remoteWrite.bearerTokenFile=/etc/vmagent-remote-write/bearer_token",
                        "-remoteWrite.url=https://obs.88oakapps.com/api/v1/write");
        assertThat(vmagent.path("volumeMounts")).anySatisfy(m ->
                assertThat(m.path("mountPath").asText()).isEqualTo("/etc/vmagent-remote-write"));
        assertThat(run.named(DEPLOYMENT, "vmagent").inputs().at("/spec/template/spec/volumes")).anySatisfy(v ->
                assertThat(v.at("/secret/secretName").asText()).isEqualTo("vmagent-remote-write"));
        // No placeholder anywhere (runbook §9.4). The literal is split so scans for committed placeholders skip it.
        assertThat(run.resources().toString()).doesNotContain("TOKEN_" + "PLACEHOLDER");
    }

    @Test
    void scrapeConfigMapIsParsableAndCarriesAPerStackClusterLabel() throws Exception {
        JsonNode ovh = YAML.readTree(StackFixtures.run("ovh").named("kubernetes:core/v1:ConfigMap", "vmagent-config")
                .inputs().at("/data/scrape.yaml").asText());
        JsonNode prod = YAML.readTree(StackFixtures.run("prod").named("kubernetes:core/v1:ConfigMap", "vmagent-config")
                .inputs().at("/data/scrape.yaml").asText());
        String ovhCluster = ovh.at("/global/external_labels/cluster").asText();
        String prodCluster = prod.at("/global/external_labels/cluster").asText();
        assertThat(ovhCluster).isNotEmpty().isNotEqualTo(prodCluster);
        assertThat(prodCluster).isNotEmpty();
        List<String> jobs = new ArrayList<>();
        ovh.path("scrape_configs").forEach(j -> jobs.add(j.path("job_name").asText()));
        assertThat(jobs).containsExactly("api", "kube-state-metrics", "node-exporter");
        // A config change rolls vmagent.
        assertThat(StackFixtures.run("ovh").named(DEPLOYMENT, "vmagent").inputs()
                .at("/spec/template/metadata/annotations/honeydue~1config-sha256").asText()).hasSize(64);
    }

    @Test
    void nodeExporterRunsOnEveryNodeWithReadOnlyHostMounts() {
        RecordedResource ds = StackFixtures.run("ovh").named(DAEMONSET, "node-exporter");
        JsonNode pod = ds.inputs().at("/spec/template/spec");
        assertThat(ds.inputs().at("/metadata/namespace").asText()).isEqualTo("kube-system");
        assertThat(pod.path("tolerations")).hasSize(1);
        assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
        assertThat(pod.at("/tolerations/0").has("key")).isFalse();
        assertThat(pod.at("/tolerations/0").has("effect")).isFalse();
        assertThat(pod.path("hostPID").asBoolean()).isTrue();
        assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asDouble()).isEqualTo(65534.0);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode c = pod.at("/containers/0");
        assertThat(c.at("/ports/0/containerPort").asDouble()).isEqualTo(9100.0);
        assertThat(c.path("volumeMounts")).allSatisfy(m -> assertThat(m.path("readOnly").asBoolean()).isTrue());
        assertThat(c.path("volumeMounts")).anySatisfy(m -> {
            assertThat(m.path("mountPath").asText()).isEqualTo("/host/root");
            assertThat(m.path("mountPropagation").asText()).isEqualTo("HostToContainer");
        });
        assertThat(pod.path("volumes")).extracting(v -> v.at("/hostPath/path").asText()).containsExactlyInAnyOrder("/proc", "/sys", "/");
    }

    @Test
    void alloyLogsTailsPodLogsOnEveryNodeAsTheOneDocumentedRootException() {
        RecordedResource ds = StackFixtures.run("ovh").named(DAEMONSET, "alloy-logs");
        JsonNode pod = ds.inputs().at("/spec/template/spec");
        assertThat(ds.inputs().at("/metadata/namespace").asText()).isEqualTo("honeydue-logs");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("alloy-logs");
        assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
        assertThat(pod.path("volumes")).anySatisfy(v -> assertThat(v.at("/hostPath/path").asText()).isEqualTo("/var/log/pods"));
        JsonNode c = pod.at("/containers/0");
        assertThat(c.path("volumeMounts")).anySatisfy(m -> {
            assertThat(m.path("mountPath").asText()).isEqualTo("/var/log/pods");
            assertThat(m.path("readOnly").asBoolean()).isTrue();
        });
        JsonNode sc = c.path("securityContext");
        assertThat(sc.path("runAsUser").asDouble()).isZero();
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(sc.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
        assertThat(sc.at("/capabilities").has("add")).isFalse();
        assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        String river = StackFixtures.run("ovh").named("kubernetes:core/v1:ConfigMap", "alloy-logs-config").inputs()
                .at("/data/config.alloy").asText();
        assertThat(river).contains("loki.write").contains("https://obs.88oakapps.com/loki/api/v1/push");
    }

    @Test
    void everyAgentIsPinnedBoundedAndLockedDown() {
        StackRun run = StackFixtures.run("ovh");
        List<RecordedResource> workloads = children(run).stream()
                .filter(r -> r.type().equals(DEPLOYMENT) || r.type().equals(DAEMONSET)).toList();
        assertThat(workloads).hasSize(4);
        for (RecordedResource w : workloads) {
            JsonNode pod = w.inputs().at("/spec/template/spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(w.name()).isFalse();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(w.name()).isEqualTo("RuntimeDefault");
            for (JsonNode c : pod.path("containers")) {
                assertThat(c.path("image").asText()).as(w.name()).matches("^[^@\\s]+:[^@\\s]+@sha256:[a-f0-9]{64}$");
                for (String kind : List.of("requests", "limits")) {
                    assertThat(c.at("/resources/" + kind + "/cpu").asText()).as(w.name() + " " + kind).isNotEmpty();
                    assertThat(c.at("/resources/" + kind + "/memory").asText()).as(w.name() + " " + kind).isNotEmpty();
                    assertThat(c.at("/resources/" + kind + "/ephemeral-storage").asText()).as(w.name() + " " + kind).isNotEmpty();
                }
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(w.name()).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(w.name()).isFalse();
                assertThat(sc.at("/capabilities/drop")).extracting(JsonNode::asText).as(w.name()).containsExactly("ALL");
                assertThat(c.has("livenessProbe")).as(w.name()).isTrue();
                if (!w.name().equals("alloy-logs")) {
                    assertThat(sc.path("runAsNonRoot").asBoolean()).as(w.name()).isTrue();
                }
            }
        }
    }

    @Test
    void workloadsWaitForTheirServiceAccountRbacAndConfig() {
        StackRun run = StackFixtures.run("ovh");
        RecordedResource vmagent = run.named(DEPLOYMENT, "vmagent");
        assertThat(vmagent.dependsOn()).contains(run.named(SA, "vmagent").urn(),
                run.named("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "honeydue-vmagent").urn(),
                run.named("kubernetes:core/v1:Secret", "vmagent-remote-write").urn(),
                run.named("kubernetes:core/v1:ConfigMap", "vmagent-config").urn());
        assertThat(run.named(DAEMONSET, "alloy-logs").dependsOn()).contains(run.named(SA, "alloy-logs").urn());
        assertThat(run.named(DEPLOYMENT, "kube-state-metrics").dependsOn()).contains(run.named(SA, "kube-state-metrics").urn());
        assertThat(run.named(DAEMONSET, "node-exporter").dependsOn()).contains(run.named(SA, "node-exporter").urn());
    }

    @Test
    void rbacIsReadOnlyDiscoveryAndKubeStateMetricsMayWatchExactlyWhatItExports() {
        StackRun run = StackFixtures.run("ovh");
        String clusterRole = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
        for (RecordedResource role : run.ofType(clusterRole)) {
            for (JsonNode rule : role.inputs().path("rules")) {
                assertThat(rule.path("verbs")).extracting(JsonNode::asText).as(role.name()).isSubsetOf("get", "list", "watch");
                assertThat(rule.path("resources")).extracting(JsonNode::asText).as(role.name()).doesNotContain("secrets", "*");
            }
        }
        Set<String> ksmRbac = new java.util.TreeSet<>();
        run.named(clusterRole, "kube-state-metrics").inputs().path("rules")
                .forEach(rule -> rule.path("resources").forEach(r -> ksmRbac.add(r.asText())));
        List<String> args = new ArrayList<>();
        container(run.named(DEPLOYMENT, "kube-state-metrics")).path("args").forEach(a -> args.add(a.asText()));
        String exported = args.stream().filter(a -> a.startsWith("--resources=")).findFirst().orElseThrow().substring(12);
        assertThat(ksmRbac).isEqualTo(new java.util.TreeSet<>(List.of(exported.split(","))));
        Set<String> vmagentResources = run.named(clusterRole, "honeydue-vmagent").inputs().path("rules").findValues("resources")
                .stream().flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false)).map(JsonNode::asText)
                .collect(Collectors.toSet());
        assertThat(vmagentResources).containsExactlyInAnyOrder("pods", "nodes");
    }

    @Test
    void switchedOffAgentsRegisterNothing() {
        StackRun all = StackFixtures.run("ovh");
        StackRun none = MockStackRunner.run(ObsStacks.config("ovh", Map.of("kubeStateMetricsEnabled", "false",
                "vmagentEnabled", "false", "alloyLogsEnabled", "false", "nodeExporterEnabled", "false")));
        assertThat(children(all)).hasSizeGreaterThan(20);
        assertThat(children(none)).isEmpty();

        StackRun noAlloy = MockStackRunner.run(ObsStacks.config("ovh", Map.of("alloyLogsEnabled", "false", "nodeExporterEnabled", "false")));
        assertThat(children(noAlloy)).extracting(RecordedResource::name).noneMatch(n -> n.contains("alloy") || n.contains("node-exporter"));
        assertThat(inNamespace(noAlloy, SA, "honeydue")).extracting(RecordedResource::name).containsExactly("vmagent");
        assertThat(inNamespace(noAlloy, NETPOL, "honeydue")).extracting(RecordedResource::name).containsExactly("allow-egress-from-vmagent");
        assertThat(noAlloy.ofType("kubernetes:core/v1:Namespace")).extracting(RecordedResource::name).doesNotContain("honeydue-logs");
        String scrape = noAlloy.named("kubernetes:core/v1:ConfigMap", "vmagent-config").inputs().at("/data/scrape.yaml").asText();
        assertThat(scrape).doesNotContain("node-exporter");
        assertThat(noAlloy.outputs().get("observabilityAgents").path("alloy-logs").asBoolean(true)).isFalse();
    }
}
