package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import com.pulumi.command.local.Command;
import com.pulumi.command.local.CommandArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** K3sNodeGroup used as a library: settings built in code, node addresses from another resource's Output. */
class K3sNodeGroupLibraryTest {
    private static final String REMOTE = "command:remote:Command";

    /** The lookup "prints" addresses the way a cloud server resource would hand out its IPs. */
    private static final class AddressLookupMocks extends FakeProviderMocks {
        private final String printed;

        AddressLookupMocks(String printed) {
            this.printed = printed;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            if (args.type.equals("command:local:Command") && args.name.equals("server-addresses")) {
                Map<String, Object> state = new java.util.LinkedHashMap<>(args.inputs);
                state.put("stdout", printed);
                state.put("stderr", "");
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("lookup-id"), state));
            }
            return super.newResourceAsync(args);
        }
    }

    private static StackRun threeServersFromALookup(String printed) {
        return MockStackRunner.runProgram("library", "dev", ctx -> {
            var lookup = new Command("server-addresses", CommandArgs.builder().create("./list-servers").build());
            var settings = ClusterConfig.builder().profile(ProviderProfile.OVH)
                    .node("box1", "box-1").node("box2", "box-2").node("box3", "box-3").build();
            var args = K3sNodeGroupArgs.builder(settings).sshPrivateKey(Output.ofSecret("FAKE-KEY"));
            for (int i = 0; i < 3; i++) {
                int line = i;
                args.nodeAddress("box" + (i + 1), lookup.stdout().applyValue(s -> s.lines().toList().get(line)));
            }
            new K3sNodeGroup("cluster", args.build(), ComponentResourceOptions.Empty);
        }, new AddressLookupMocks(printed)).run();
    }

    @Test
    void addressesFromAnotherResourceReachEveryStepAndTheStepsDependOnIt() {
        StackRun run = threeServersFromALookup("198.51.100.1\n198.51.100.2\n198.51.100.3\n");
        String lookupUrn = run.named("command:local:Command", "server-addresses").urn();
        RecordedResource server2 = run.named(REMOTE, "box2-k3s-server");
        String flags = String.join("\n", RemoteStepParsing.k3sFlags(K3sNodeGroupStackTest.env(server2).get("K3S_CONFIG")));
        assertThat(flags).contains("--node-ip=198.51.100.2", "--server=https://198.51.100.1:6443",
                "--tls-san=198.51.100.3");
        assertThat(server2.inputs().path("connection").path("host").asText()).isEqualTo("198.51.100.2");
        assertThat(server2.propertyDependencies().get("create")).contains(lookupUrn);
        assertThat(server2.propertyDependencies().get("connection")).contains(lookupUrn);
        String ufw = K3sNodeGroupStackTest.env(run.named(REMOTE, "box1-firewall")).get("UFW_RULES");
        assertThat(ufw).contains("allow from 198.51.100.2 to any port 2379:2380 proto tcp",
                "allow from 198.51.100.3 to any port 2379:2380 proto tcp").doesNotContain("198.51.100.1 ");
        assertThat(run.named(REMOTE, "box1-k3s-server").secretPaths()).contains("/connection/privateKey");
    }

    @Test
    void aLookupThatPrintsSomethingElseThanAnAddressStopsTheProgramNamingTheNode() {
        var attempt = MockStackRunner.attempt("library", "dev", ctx -> {
            var lookup = new Command("server-addresses", CommandArgs.builder().create("./list-servers").build());
            var settings = ClusterConfig.builder().node("box1", "box-1").allowNonHaNodeCount(true).build();
            new K3sNodeGroup("cluster", K3sNodeGroupArgs.builder(settings).sshPrivateKey(Output.ofSecret("FAKE-KEY"))
                    .nodeAddress("box1", lookup.stdout()).build(), ComponentResourceOptions.Empty);
        }, new AddressLookupMocks("198.51.100.1 --cluster-reset\n"));
        assertThat(String.join("\n", attempt.errors())).contains("node box1", "is not an IPv4 address");
        assertThat(attempt.registered()).noneMatch(r -> r.type().equals(REMOTE)
                && r.inputs().path("create").asText().contains("--cluster-reset"));
    }

    @Test
    void everyNodeNeedsAnAddressAndAKeyFromSomewhere() {
        var settings = ClusterConfig.builder().node("box1", "box-1").allowNonHaNodeCount(true).build();
        assertThatThrownBy(() -> K3sNodeGroupArgs.builder(settings).sshPrivateKey(Output.ofSecret("k")).build())
                .hasMessageContaining("node box1 has no address");
        assertThatThrownBy(() -> K3sNodeGroupArgs.builder(settings).nodeAddress("box1", Output.of("198.51.100.1")).build())
                .hasMessageContaining("sshPrivateKey is required");
        assertThatThrownBy(() -> K3sNodeGroupArgs.builder(settings).sshPrivateKey(Output.ofSecret("k"))
                .nodeAddress("box1", Output.of("198.51.100.1")).nodeAddress("box9", Output.of("198.51.100.9")).build())
                .hasMessageContaining("box9, which is not a node");
    }

    @Test
    void theBuilderStartsFromTheProfileAndRefusesWhatTheConfigLoaderRefuses() {
        var hetzner = ClusterConfig.builder().profile(ProviderProfile.HETZNER)
                .node("a", "a", "198.51.100.1").node("b", "b", "198.51.100.2").node("c", "c", "198.51.100.3").build();
        assertThat(hetzner.sshUser()).isEqualTo("deploy");
        assertThat(hetzner.kubeProxyMode()).isEqualTo("ipvs");
        assertThat(hetzner.traefikHostNetwork()).isTrue();
        assertThat(hetzner.servicelb()).isFalse();
        assertThat(hetzner.k3sVersion()).isEqualTo("v1.34.6+k3s1");
        assertThat(hetzner.joinTarget().alias()).isEqualTo("a");
        assertThat(hetzner.initialServer()).map(n -> n.alias()).contains("a");

        assertThatThrownBy(() -> ClusterConfig.builder().node("a", "a").build()).hasMessageContaining("allowNonHaNodeCount");
        assertThatThrownBy(() -> ClusterConfig.builder().node("a", "a").node("b", "b").allowNonHaNodeCount(true)
                .k3sVersion("latest").build()).hasMessageContaining("k3sVersion");
        assertThatThrownBy(() -> ClusterConfig.builder().node("a", "a").node("a", "b").allowNonHaNodeCount(true).build())
                .hasMessageContaining("not unique");
        assertThatThrownBy(() -> ClusterConfig.builder().node("a;reboot", "a").allowNonHaNodeCount(true).build())
                .hasMessageContaining("alias");
        assertThatThrownBy(() -> ClusterConfig.builder().node("a", "a", "198.51.100.1 -x").allowNonHaNodeCount(true).build())
                .hasMessageContaining("not an IPv4 address");
        assertThat(ClusterConfig.builder().node("a", "a").allowNonHaNodeCount(true).build().nodes()).hasSize(1);
        assertThat(List.of(ClusterConfig.builder().node("a", "a").node("b", "b").node("c", "c").build().nodes().size()))
                .containsExactly(3);
    }
}
