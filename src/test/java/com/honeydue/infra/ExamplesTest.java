package com.honeydue.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.examples.addresses.AddressesFromAResource;
import com.honeydue.examples.devsinglebox.DevSingleBox;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples/ programs under the mock engine (the real engine previews them in .ci/run). */
class ExamplesTest {
    private static final String REMOTE = "command:remote:Command";

    @Test
    void theDevBoxIsOneServerThatInitialisesTheClusterAlone() {
        String project = "honeydue-example-dev-single-box";
        StackRun run = MockStackRunner.runProgram(project, "dev",
                Map.of(project + ":boxAddress", "203.0.113.10", project + ":sshPrivateKey", "FAKE-KEY"),
                Set.of(project + ":sshPrivateKey"), DevSingleBox::define, new FakeProviderMocks()).run();
        assertThat(run.ofType(REMOTE)).extracting(RecordedResource::name).containsExactlyInAnyOrder("dev-bootstrap", "dev-firewall",
                "dev-k3s-removal", "dev-k3s-server", "node-token", "cluster-members", "kubeconfig", "ingress-ready");
        String server = run.named(REMOTE, "dev-k3s-server").inputs().path("create").asText();
        assertThat(server).contains("cluster-init: true", "node-ip: \"203.0.113.10\"").doesNotContain("\nserver:");
        assertThat(run.outputs()).containsKey("kubeconfig");
        assertThat(run.named(REMOTE, "dev-k3s-server").secretPaths()).contains("/connection/privateKey");
    }

    @Test
    void theServersAddressesReachTheClusterThroughTheirOutputs() {
        String project = "honeydue-example-addresses";
        StackRun run = MockStackRunner.runProgram(project, "dev",
                Map.of(project + ":serverAddresses", "[\"203.0.113.11\",\"203.0.113.12\",\"203.0.113.13\"]",
                        project + ":sshPrivateKey", "FAKE-KEY"),
                Set.of(project + ":sshPrivateKey"), AddressesFromAResource::define, new EchoingServers()).run();
        RecordedResource server2 = run.named(REMOTE, "box2-k3s-server");
        assertThat(server2.inputs().path("connection").path("host").asText()).isEqualTo("203.0.113.12");
        assertThat(server2.propertyDependencies().get("create"))
                .contains(run.named("command:local:Command", "box2-server").urn());
        var lookup = run.named("command:local:Command", "box2-server").inputs();
        assertThat(lookup.path("create").asText()).doesNotContain("203.0.113.12");
        assertThat(lookup.path("environment").path("SERVER_ADDRESS").asText()).isEqualTo("203.0.113.12");
    }

    /** What the stand-in server resources print when they run: the address in their environment. */
    private static final class EchoingServers extends FakeProviderMocks {
        @Override
        public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            if (args.type.equals("command:local:Command")) {
                Map<String, Object> state = new java.util.LinkedHashMap<>(args.inputs);
                state.put("stdout", ((Map<?, ?>) args.inputs.get("environment")).get("SERVER_ADDRESS"));
                state.put("stderr", "");
                return java.util.concurrent.CompletableFuture.completedFuture(
                        ResourceResult.of(java.util.Optional.of(args.name + "-id"), state));
            }
            return super.newResourceAsync(args);
        }
    }
}
