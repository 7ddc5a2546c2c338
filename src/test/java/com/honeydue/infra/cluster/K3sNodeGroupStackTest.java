package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The cluster layer of both committed stacks, as the engine would receive it. */
class K3sNodeGroupStackTest {
    private static final String COMMAND = "command:remote:Command";

    static Map<String, String> env(RecordedResource command) {
        return RemoteStepParsing.exports(command.inputs().path("create").asText());
    }

    /** The k3s flags a server step writes to config.yaml, read back as flags: one "--name[=value]" per line. */
    static String k3sArgs(RecordedResource command) {
        return String.join("\n", RemoteStepParsing.k3sFlags(env(command).getOrDefault("K3S_CONFIG", "")));
    }

    private static StackRun ovh() {
        return StackFixtures.run("ovh");
    }

    private static RecordedResource cmd(StackRun run, String name) {
        return run.named(COMMAND, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void everyServerGetsExactlyThePlannedK3sFlags(String stack) {
        StackRun run = StackFixtures.run(stack);
        ClusterConfig c = StackFixtures.config(stack).cluster();
        for (int i = 0; i < c.nodes().size(); i++) {
            var node = c.nodes().get(i);
            String step = node.alias() + "-k3s-server";
            List<String> flags = Arrays.asList(k3sArgs(cmd(run, step)).split("\n"));
            assertThat(flags).as(step).isEqualTo(K3sServerFlags.forNode(c, node,
                    i == 0 ? java.util.Optional.empty() : java.util.Optional.of(c.joinTarget().ipv4())));
            assertThat(flags).contains("--node-ip=" + node.ipv4(), "--advertise-address=" + node.ipv4(),
                    "--secrets-encryption", "--write-kubeconfig-mode=0600", "--disable-cloud-controller");
            assertThat(env(cmd(run, step))).containsEntry("K3S_VERSION", "v1.34.6+k3s1");
        }
    }

    @Test
    void ufwRulesPerNodeArePlannedOrderWithPeersExactlyTheOtherTwo() {
        StackRun run = ovh();
        Map<String, List<String>> peers = Map.of(
                "ovhcloud1", List.of("51.81.87.86", "51.81.85.248"),
                "ovhcloud2", List.of("51.81.83.33", "51.81.85.248"),
                "ovhcloud3", List.of("51.81.83.33", "51.81.87.86"));
        peers.forEach((alias, expectedPeers) -> {
            List<String> rules = Arrays.asList(env(cmd(run, alias + "-firewall")).get("UFW_RULES").split("\n"));
            assertThat(rules.get(0)).isEqualTo("allow 22/tcp");
            assertThat(rules.get(rules.size() - 1)).isEqualTo("--force enable");
            List<String> sources = rules.stream().filter(r -> r.matches("allow from \\S+ to any port (2379:2380|10250|51820|8472) .*"))
                    .map(r -> r.split(" ")[2]).distinct().toList();
            assertThat(sources).containsExactlyElementsOf(expectedPeers);
            for (String peer : expectedPeers) {
                assertThat(rules).contains("allow from " + peer + " to any port 2379:2380 proto tcp",
                        "allow from " + peer + " to any port 10250 proto tcp",
                        "allow from " + peer + " to any port 51820 proto udp",
                        "allow from " + peer + " to any port 8472 proto udp");
            }
        });
    }

    @Test
    void serversJoinOneAtATimeThenMembersThenKubeconfigThenLabels() {
        StackRun run = ovh();
        String init = cmd(run, "ovhcloud1-k3s-server").urn();
        String token = cmd(run, "node-token").urn();
        var node2 = cmd(run, "ovhcloud2-k3s-server");
        var node3 = cmd(run, "ovhcloud3-k3s-server");
        var kubeconfig = cmd(run, "kubeconfig");
        var labels = run.named("kubernetes:core/v1:NodePatch", "vps-1624d691-labels");

        assertThat(node2.dependsOn()).contains(init, token);
        assertThat(node3.dependsOn()).contains(node2.urn()).doesNotContain(init);
        var members = cmd(run, "cluster-members");
        assertThat(members.dependsOn()).contains(node3.urn());
        assertThat(kubeconfig.dependsOn()).contains(members.urn());
        assertThat(labels.dependsOn()).contains(kubeconfig.urn());
        var provider = run.named("pulumi:providers:kubernetes", "cluster-k8s");
        assertThat(provider.dependsOn()).as("explicitly and through the kubeconfig Output").contains(kubeconfig.urn());
        assertThat(labels.provider()).startsWith(provider.urn());
    }

    @Test
    void joinWaitsForEveryFirewallAndInitWaitsForItsOwnHardening() {
        StackRun run = ovh();
        var firewalls = List.of("ovhcloud1-firewall", "ovhcloud2-firewall", "ovhcloud3-firewall").stream()
                .map(n -> cmd(run, n).urn()).toList();
        assertThat(cmd(run, "ovhcloud2-k3s-server").dependsOn()).containsAll(firewalls);
        assertThat(cmd(run, "ovhcloud1-k3s-server").dependsOn())
                .contains(cmd(run, "ovhcloud1-bootstrap").urn(), cmd(run, "ovhcloud1-firewall").urn());
        assertThat(cmd(run, "ovhcloud1-firewall").dependsOn()).contains(cmd(run, "ovhcloud1-bootstrap").urn());
    }

    @Test
    void tokenAndKubeconfigAreSecretAndNeverLogged() {
        StackRun run = ovh();
        assertThat(run.secretOutputs()).containsEntry("kubeconfig", true);
        assertThat(run.outputs().get("kubeconfig").asText()).isEqualTo("[secret]");
        for (String name : List.of("ovhcloud2-k3s-server", "ovhcloud3-k3s-server")) {
            assertThat(cmd(run, name).secretPaths()).as(name + " reads the token on stdin, as a secret").contains("/stdin");
            assertThat(cmd(run, name).inputs().path("create").asText()).doesNotContain("K3S_TOKEN=");
        }
        for (String name : List.of("node-token", "kubeconfig")) {
            assertThat(cmd(run, name).inputs().path("logging").asText()).as(name + " must not log stdout").isEqualTo("stderr");
        }
        assertThat(run.named("pulumi:providers:kubernetes", "cluster-k8s").secretPaths()).contains("/kubeconfig");
        assertThat(run.ofType(COMMAND)).allSatisfy(c -> assertThat(c.secretPaths()).contains("/connection/privateKey"));
    }

    @Test
    void everyClusterResourceIsParentedToTheComponent() {
        StackRun run = ovh();
        var component = run.named("honeydue:cluster:K3sNodeGroup", "cluster");
        assertThat(run.resources()).filteredOn(r -> (r.type().startsWith("command:") && !r.name().endsWith("-smoke-check"))
                        || r.type().equals("kubernetes:core/v1:NodePatch")
                        || r.type().equals("pulumi:providers:kubernetes"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
    }

    @Test
    void redisLabelLandsOnTheConfiguredNodeOfEachStack() {
        assertThat(ovh().named("kubernetes:core/v1:NodePatch", "vps-1624d691-labels").inputs().path("metadata").path("labels")
                .path("honeydue/redis").asText()).isEqualTo("true");
        assertThat(StackFixtures.run("prod").named("kubernetes:core/v1:NodePatch", "ubuntu-8gb-nbg1-2-labels")
                .inputs().path("metadata").path("name").asText()).isEqualTo("ubuntu-8gb-nbg1-2");
    }

    @Test
    void runbookSection10DifferencesBetweenTheStacks() {
        StackRun prod = StackFixtures.run("prod");
        StackRun ovh = ovh();
        var prodInit = env(cmd(prod, "hetzner1-k3s-server"));
        var ovhInit = env(cmd(ovh, "ovhcloud1-k3s-server"));
        String prodInitArgs = k3sArgs(cmd(prod, "hetzner1-k3s-server"));
        String ovhInitArgs = k3sArgs(cmd(ovh, "ovhcloud1-k3s-server"));
        // flannel backend and the WireGuard external-IP flag
        assertThat(prodInitArgs).contains("--flannel-backend=vxlan").doesNotContain("--flannel-external-ip");
        assertThat(ovhInitArgs).contains("--flannel-backend=wireguard-native", "--flannel-external-ip");
        // servicelb: disabled for hostNetwork Traefik on Hetzner, kept for klipper-lb on OVH
        assertThat(prodInitArgs).contains("--disable=servicelb", "--kube-proxy-arg=proxy-mode=ipvs");
        assertThat(ovhInitArgs).doesNotContain("--disable=servicelb", "proxy-mode");
        // sysctl only where hostNetwork Traefik binds low ports as non-root
        assertThat(env(cmd(prod, "hetzner1-bootstrap"))).containsEntry("UNPRIVILEGED_PORT_START", "0");
        assertThat(env(cmd(ovh, "ovhcloud1-bootstrap"))).containsEntry("UNPRIVILEGED_PORT_START", "");
        // ssh user
        assertThat(cmd(prod, "hetzner1-bootstrap").inputs().path("connection").path("user").asText()).isEqualTo("deploy");
        assertThat(cmd(ovh, "ovhcloud1-bootstrap").inputs().path("connection").path("user").asText()).isEqualTo("ubuntu");
        // UFW between each provider's own IPs, WireGuard port only on OVH
        assertThat(env(cmd(prod, "hetzner1-firewall")).get("UFW_RULES")).contains("178.105.32.198").doesNotContain("51820");
        assertThat(env(cmd(ovh, "ovhcloud1-firewall")).get("UFW_RULES")).contains("51.81.87.86", "51820");
        assertThat(StackFixtures.config("prod").cluster().traefikHostNetwork()).isTrue();
        assertThat(StackFixtures.config("ovh").cluster().traefikHostNetwork()).isFalse();
    }

    @Test
    void nodeExporterScrapesAreOpenedOnEveryNodeFromThePodNetworkAndThePeers() {
        String rules = env(cmd(ovh(), "ovhcloud2-firewall")).get("UFW_RULES");
        assertThat(rules).contains("allow from 10.42.0.0/16 to any port 9100 proto tcp",
                "allow from 51.81.83.33/32 to any port 9100 proto tcp", "allow from 51.81.85.248/32 to any port 9100 proto tcp");
        assertThat(rules.indexOf("9100")).isLessThan(rules.indexOf("--force enable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void everythingThatNeedsTraefikWaitsUntilItsCrdsAreEstablishedAndItRolledOut(String stack) {
        StackRun run = StackFixtures.run(stack);
        var ready = cmd(run, "ingress-ready");
        assertThat(ready.inputs().path("create").asText()).contains("middlewares.traefik.io", "rollout status");
        assertThat(ready.inputs().path("connection").path("host").asText())
                .isEqualTo(StackFixtures.config(stack).cluster().joinTarget().ipv4());
        List<RecordedResource> needsTraefik = run.resources().stream().filter(r -> r.type().equals("kubernetes:traefik.io/v1alpha1:Middleware")
                || r.type().equals("kubernetes:networking.k8s.io/v1:Ingress")
                || r.type().equals("kubernetes:helm.cattle.io/v1:HelmChartConfig")).toList();
        assertThat(needsTraefik).extracting(RecordedResource::type).contains("kubernetes:networking.k8s.io/v1:Ingress",
                "kubernetes:traefik.io/v1alpha1:Middleware", "kubernetes:helm.cattle.io/v1:HelmChartConfig");
        assertThat(needsTraefik).allSatisfy(r -> assertThat(r.dependsOn()).as(r.type() + " " + r.name()).contains(ready.urn()));
    }

    @Test
    void theReadsWhoseOutputFeedsOtherResourcesDoNotCarryTheSharedStepLibrary() {
        // pulumi-kubernetes 4.0.0 plans to replace a provider whose kubeconfig is unknown during preview, which it is
        // whenever the step that reads it changes; so an edit of lib.sh must not change that step (nor the token read).
        String lib = RemoteStep.resource("lib.sh");
        for (String read : List.of("kubeconfig", "node-token")) {
            String create = cmd(ovh(), read).inputs().path("create").asText();
            assertThat(create).as(read).doesNotContain(lib.strip()).contains("set -euo pipefail");
            assertThat(create).as(read).doesNotContain("retry()", "wait_until()");
        }
        assertThat(cmd(ovh(), "ovhcloud1-k3s-server").inputs().path("create").asText()).contains(lib.strip());
    }
}
