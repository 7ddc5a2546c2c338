package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    static final String CLUSTER = "cluster (honeydue:cluster:K3sNodeGroup)";
    static final String EDGE = "edge (honeydue:edge:CloudflareOriginPool)";
    static final String OBSERVABILITY = "observability (honeydue:observability:ObservabilityAgents)";

    static JsonNode plan(String stack) {
        StackConfig config = StackFixtures.config(stack);
        return PlanJson.of(RenderGraph.of(MockStackRunner.runObserved(config), config.cluster().nodes()));
    }

    /**
     * prod (Hetzner) against ovh: the cluster differs exactly by runbook §10. The other components differ only where
     * their config honestly does: prod does not own the public DNS (OVH is production), so ovh's Cloudflare provider,
     * SSL setting and DNS records are absent from prod; each cluster has its own observability cluster label (§9.6),
     * which changes the two agent configs and, through their checksum annotation, restarts the two agents.
     */
    @Test
    void prodAgainstOvhShowsTheRunbookDifferencesWithoutNoise() {
        JsonNode ovh = plan("ovh");
        JsonNode prod = plan("prod");
        PlanDiff.Result result = PlanDiff.compare(ovh, prod);
        String text = PlanDiff.format(result, "ovh", "prod");
        assertThat(result.identical()).isFalse();

        // The cluster: every resource matched across stacks, and only §10 inputs change.
        List<PlanDiff.ResourceDiff> cluster = result.resources().stream().filter(d -> d.component().equals(CLUSTER)).toList();
        assertThat(cluster).isNotEmpty().allSatisfy(d -> assertThat(d.kind()).isEqualTo('~'));
        Set<String> section10 = Set.of("connection.user", "create.env.SSH_USER", "create.env.KUBE_PROXY_MODE",
                "create.env.UNPRIVILEGED_PORT_START", "create.env.UFW_RULES", "create.env.K3S_CONFIG");
        assertThat(cluster.stream().flatMap(d -> d.changes().stream()).map(PlanDiff.Change::path).distinct())
                .as("only the runbook §10 inputs change on the cluster").containsExactlyInAnyOrderElementsOf(section10);
        assertThat(text).contains(
                "- flannel-backend: \"wireguard-native\"", "+ flannel-backend: \"vxlan\"", // flannel backend
                "- flannel-external-ip: true",
                "+ disable:\n        +   - \"servicelb\"",                       // servicelb
                "+ kube-proxy-arg:\n        +   - \"proxy-mode=ipvs\"",          // kube-proxy mode
                "create.env.KUBE_PROXY_MODE: \"iptables\" \u2192 \"ipvs\"",
                "create.env.UNPRIVILEGED_PORT_START: \"\" \u2192 \"0\"",          // sysctl
                "connection.user: \"ubuntu\" \u2192 \"deploy\"",                   // ssh user
                "- allow from <node2.ipv4> to any port 51820 proto udp",        // wireguard port closed on vxlan
                "[0].ipv4: \"51.81.83.33\" \u2192 \"178.104.247.152\"",            // node IPs, once
                "ovhcloud2-k3s-server \u2192 hetzner2-k3s-server");

        // The edge: removed in prod, exactly ovh's Cloudflare resources (prod does not own DNS); nothing added.
        Set<String> ovhEdge = new TreeSet<>();
        RenderGraph ovhGraph = RenderGraph.of(MockStackRunner.runObserved(StackFixtures.config("ovh")),
                StackFixtures.config("ovh").cluster().nodes());
        ovhGraph.customNodes().stream().filter(n -> ovhGraph.componentLabel(n).equals(EDGE)).forEach(n -> ovhEdge.add(n.type() + " " + n.name()));
        assertThat(ovhEdge).anyMatch(r -> r.startsWith(DnsRecords.DNS_RECORD));
        assertThat(result.resources().stream().filter(d -> d.kind() == '-').map(d -> d.type() + " " + d.beforeName()))
                .containsExactlyInAnyOrderElementsOf(ovhEdge);
        // Added in prod: only the cloudflare-only middleware, which exists where Traefik sees client addresses
        // (hostNetwork); on klipper-lb (OVH) it would refuse every request, so ovh has none.
        assertThat(result.resources().stream().filter(d -> d.kind() == '+').map(d -> d.type() + " " + d.afterName()))
                .containsExactly("kubernetes:traefik.io/v1alpha1:Middleware cloudflare-only");
        assertThat(StreamSupport.stream(prod.get("resources").spliterator(), false)
                .filter(r -> r.get("type").asText().startsWith("cloudflare:"))).as("prod registers no Cloudflare resource").isEmpty();

        // Observability: the cluster label in both agent configs and the checksum annotations that follow from it.
        List<PlanDiff.ResourceDiff> observability = result.resources().stream().filter(d -> d.component().equals(OBSERVABILITY)).toList();
        assertThat(observability).extracting(d -> d.kind() + " " + d.type() + " " + d.afterName()).containsExactlyInAnyOrder(
                "~ kubernetes:core/v1:ConfigMap vmagent-config", "~ kubernetes:apps/v1:Deployment vmagent",
                "~ kubernetes:core/v1:ConfigMap alloy-logs-config", "~ kubernetes:apps/v1:DaemonSet alloy-logs");
        assertThat(observability.stream().flatMap(d -> d.changes().stream()).map(PlanDiff.Change::path)).containsExactlyInAnyOrder(
                "data.scrape.yaml", "spec.template.metadata.annotations.honeydue/config-sha256",
                "data.config.alloy", "spec.template.metadata.annotations.honeydue/config-sha256");
        assertThat(text).contains("-     cluster: honeydue-ovh", "+     cluster: honeydue-hetzner",
                "-     cluster = \"honeydue-ovh\",", "+     cluster = \"honeydue-hetzner\",");
        // The app: §10's Traefik (hostNetwork DaemonSet on Hetzner, so policies admit the node IPs; klipper-lb source
        // ranges on OVH), prod's hostnames (no app.myhoneydue.com), prod's idle worker, push (off in the book, live on
        // OVH) and the smoke checks' SSH user.
        List<PlanDiff.ResourceDiff> app = result.resources().stream().filter(d -> d.component().startsWith("app ")).toList();
        assertThat(app).extracting(d -> d.kind() + " " + d.type() + " " + d.afterName()).containsExactlyInAnyOrder(
                "~ kubernetes:networking.k8s.io/v1:NetworkPolicy allow-ingress-api",
                "~ kubernetes:networking.k8s.io/v1:NetworkPolicy allow-ingress-web",
                "~ kubernetes:networking.k8s.io/v1:NetworkPolicy allow-ingress-admin",
                "~ kubernetes:apps/v1:Deployment worker",
                // The ConfigMap differs (push), so api's and worker's honeydue/config-sha256 follow it: an honest roll.
                "~ kubernetes:apps/v1:Deployment api",
                "~ kubernetes:core/v1:ConfigMap honeydue-config",
                "~ kubernetes:helm.cattle.io/v1:HelmChartConfig traefik",
                "+ kubernetes:traefik.io/v1alpha1:Middleware cloudflare-only",
                "~ kubernetes:networking.k8s.io/v1:Ingress honeydue-public",
                "~ kubernetes:networking.k8s.io/v1:Ingress honeydue-admin",
                "~ kubernetes:networking.k8s.io/v1:Ingress honeydue-api-health",
                "~ command:remote:Command hetzner1-smoke-check",
                "~ command:remote:Command hetzner2-smoke-check",
                "~ command:remote:Command hetzner3-smoke-check");
        assertThat(text).contains("+   kind: DaemonSet", "+ hostNetwork: true", "-     loadBalancerSourceRanges:");
        assertThat(result.resources()).as("no other component differs")
                .allSatisfy(d -> assertThat(d.component()).matches(c -> c.equals(CLUSTER) || c.equals(EDGE)
                        || c.equals(OBSERVABILITY) || c.startsWith("app ")));

        // Stack outputs: the label, DNS ownership, prod's hostnames (no app.myhoneydue.com) and the missing IPv6.
        assertThat(result.outputs()).extracting(PlanDiff.Change::path).containsExactlyInAnyOrder("nodes[0].ipv6", "nodes[1].ipv6",
                "nodes[2].ipv6", "observabilityClusterLabel", "ownsPublicDns", "publicUrls[1]", "publicUrls[2]", "publicUrls[3]",
                "smokeTestCommands[0]", "smokeTestCommands[1]", "smokeTestCommands[2]", "workerActive");
        assertThat(text).contains("ownsPublicDns: true \u2192 false", "observabilityClusterLabel: \"honeydue-ovh\" \u2192 \"honeydue-hetzner\"");

        String body = text.substring(text.indexOf(CLUSTER));
        assertThat(body).as("node addresses and names are shown once, in the nodes section")
                .doesNotContain("51.81.83.33", "178.104.247.152", "vps-1624d691 ")
                .doesNotContain("honeydue-infra-ovh", "urn:pulumi").doesNotContainPattern("triggers\\[\\d+\\]")
                .doesNotContain("create.script", "delete.");
    }

    @Test
    void identicalPlansHaveNoDifferencesAndAnAddedResourceIsReported() {
        JsonNode a = plan("ovh");
        assertThat(PlanDiff.compare(a, a.deepCopy()).identical()).isTrue();
        ObjectNode b = a.deepCopy();
        ObjectNode extra = ((ObjectNode) b.get("resources").get(2)).deepCopy();
        extra.put("name", "extra-step").put("urn", extra.get("urn").asText() + "-extra");
        ((ArrayNode) b.get("resources")).add(extra);
        ((ObjectNode) b.get("outputs")).put("url", "https://example.invalid");
        PlanDiff.Result r = PlanDiff.compare(a, b);
        assertThat(PlanDiff.format(r, "a", "b")).contains("+ " + extra.get("type").asText() + " extra-step  (added)",
                "url: (absent) \u2192 \"https://example.invalid\"", "1 added, 0 removed, 0 changed, 1 output value(s) changed");
    }

    @Test
    void aChangedDeleteCommandIsShownAsItsParameters() {
        JsonNode a = plan("ovh");
        ObjectNode b = a.deepCopy();
        for (JsonNode r : b.get("resources")) {
            if (r.get("name").asText().equals("ovhcloud2-k3s-removal")) {
                ObjectNode inputs = (ObjectNode) r.get("inputs");
                inputs.put("delete", inputs.get("delete").asText().replace("NODE_NAME='vps-c0f51be2'", "NODE_NAME='vps-other'"));
            }
        }
        String text = PlanDiff.format(PlanDiff.compare(a, b), "a", "b");
        assertThat(text).contains("~ command:remote:Command ovhcloud2-k3s-removal",
                "delete.env.NODE_NAME: \"vps-c0f51be2\" \u2192 \"vps-other\"", "0 added, 0 removed, 1 changed")
                .doesNotContain("delete.script");
    }
}
