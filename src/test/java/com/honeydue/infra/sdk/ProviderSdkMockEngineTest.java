package com.honeydue.infra.sdk;

import com.pulumi.command.remote.Command;
import com.pulumi.command.remote.CommandArgs;
import com.pulumi.command.remote.inputs.ConnectionArgs;
import com.pulumi.kubernetes.apiextensions.CustomResource;
import com.pulumi.kubernetes.apiextensions.CustomResourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registers subset resources against the Pulumi mock engine and checks what the engine receives. */
class ProviderSdkMockEngineTest {

    /** Echoes inputs back as state and records what it saw, keyed by resource name. */
    static final class EchoMocks implements Mocks {
        final Map<String, Mocks.ResourceArgs> seen = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<Mocks.ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
            seen.put(args.name, args);
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void remoteCommandAndCustomResourceReachTheEngineWithUpstreamTokensAndInputNames() {
        var mocks = new EchoMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            new Command("install-k3s", CommandArgs.builder()
                .connection(ConnectionArgs.builder().host("10.0.0.11").privateKey("KEY").build())
                .create("curl -sfL https://get.k3s.io | sh -")
                .environment(Map.of("INSTALL_K3S_CHANNEL", "stable"))
                .triggers("v1", 2)
                .logging(com.pulumi.command.remote.enums.Logging.Stderr)
                .build());
            new CustomResource("traefik-config", CustomResourceArgs.builder()
                .apiVersion("helm.cattle.io/v1")
                .kind("HelmChartConfig")
                .metadata(ObjectMetaArgs.builder().name("traefik").namespace("kube-system").build())
                .otherFields(Map.of("spec", Map.of(
                    "valuesContent", "ports:\n  web:\n    redirectTo: websecure\n",
                    "set", Map.of("replicas", 3, "nested", Map.of("a", List.of("x", "y"))))))
                .build());
        }).throwOnError();

        var cmd = mocks.seen.get("install-k3s");
        assertThat(cmd.type).isEqualTo("command:remote:Command");
        assertThat(cmd.inputs).containsOnlyKeys("connection", "create", "environment", "triggers", "logging");
        @SuppressWarnings("unchecked")
        var connection = (Map<String, Object>) cmd.inputs.get("connection");
        // schema defaults are applied client-side by ConnectionArgs.build(); numbers arrive as Double
        assertThat(connection).containsEntry("host", "10.0.0.11").containsEntry("privateKey", "KEY")
            .containsEntry("port", 22.0).containsEntry("user", "root")
            .containsEntry("dialErrorLimit", 10.0).containsEntry("perDialTimeout", 15.0);
        assertThat(cmd.inputs.get("triggers")).isEqualTo(List.of("v1", 2.0));
        assertThat(cmd.inputs.get("logging")).isEqualTo("stderr");

        var cr = mocks.seen.get("traefik-config");
        assertThat(cr.type).isEqualTo("kubernetes:helm.cattle.io/v1:HelmChartConfig");
        assertThat(cr.inputs).containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
        assertThat(cr.inputs).containsEntry("apiVersion", "helm.cattle.io/v1").containsEntry("kind", "HelmChartConfig");
        assertThat(cr.inputs.get("metadata")).isEqualTo(Map.of("name", "traefik", "namespace", "kube-system"));
        assertThat(cr.inputs.get("spec")).isEqualTo(Map.of(
            "valuesContent", "ports:\n  web:\n    redirectTo: websecure\n",
            "set", Map.of("replicas", 3.0, "nested", Map.of("a", List.of("x", "y")))));
    }

    @Test
    void customResourceWithoutOtherFieldsSendsOnlyTheTypedFields() {
        var mocks = new EchoMocks();
        PulumiTest.withMocks(mocks).runTest(ctx ->
            new CustomResource("ns-marker", CustomResourceArgs.builder()
                .apiVersion("example.com/v1alpha1")
                .kind("Marker")
                .build())
        ).throwOnError();
        var cr = mocks.seen.get("ns-marker");
        assertThat(cr.type).isEqualTo("kubernetes:example.com/v1alpha1:Marker");
        assertThat(cr.inputs).containsOnlyKeys("apiVersion", "kind");
    }

    @Test
    void unsupportedTopLevelFieldIsRejectedNotDropped() {
        var args = CustomResourceArgs.builder().apiVersion("x.io/v1").kind("Y").otherField("weird", 1).build();
        assertThatThrownBy(() -> PulumiTest.withMocks(new EchoMocks()).runTest(ctx -> new CustomResource("y", args)).throwOnError())
            .hasStackTraceContaining("unsupported top-level field 'weird'");
    }
}
