package com.honeydue.infra.edge;

import static com.honeydue.infra.edge.EdgeStacks.DNS_RECORD;
import static com.honeydue.infra.edge.EdgeStacks.K8S_SECRET;
import static com.honeydue.infra.edge.EdgeStacks.ZONE_SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.pulumi.Context;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The component alone, with a stand-in for the app's ready resources: everything that makes Cloudflare send traffic
 * to the origin depends on them, so {@code pulumi up} creates DNS last and {@code pulumi destroy} removes it first.
 */
class OriginReadyOrderTest {

    private static List<RecordedResource> runProgram(StackConfig config, Consumer<Context> program) {
        return MockStackRunner.runProgram(config.project(), config.stack(), program).run().resources();
    }

    @Test
    void dnsZoneSettingAndTlsSecretWaitForTheOrigin() {
        StackConfig config = EdgeStacks.config("ovh", CloudflareOriginPoolTest.STRICT_EXISTING);
        List<RecordedResource> resources = runProgram(config, ctx -> {
            var k8s = new com.pulumi.kubernetes.Provider("k8s");
            var appReady = new ConfigMap("app-ready", ConfigMapArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("app-ready").namespace("honeydue").build()).build(),
                    CustomResourceOptions.builder().provider(k8s).build());
            new CloudflareOriginPool("edge", CloudflareOriginPoolArgs.builder(config.edge(), config.cluster(), config.stack())
                    .k8sProvider(k8s).namespace("honeydue").originReady(List.of(appReady)).build(), ComponentResourceOptions.Empty);
        });
        String ready = resources.stream().filter(r -> r.name().equals("app-ready")).findFirst().orElseThrow().urn();
        List<RecordedResource> gated = resources.stream()
                .filter(r -> List.of(DNS_RECORD, ZONE_SETTING, K8S_SECRET).contains(r.type())).toList();
        assertThat(gated).hasSize(12 + 1 + 1).allSatisfy(r -> assertThat(r.dependsOn()).as(r.name()).contains(ready));
    }

    @Test
    void strictModeWithoutAKubernetesProviderIsAProgrammingError() {
        StackConfig config = EdgeStacks.config("ovh", CloudflareOriginPoolTest.STRICT_EXISTING);
        assertThatThrownBy(() -> CloudflareOriginPoolArgs.builder(config.edge(), config.cluster(), "ovh").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloudflare-origin-cert");
        StackConfig flexible = EdgeStacks.config("ovh", Map.of());
        assertThat(CloudflareOriginPoolArgs.builder(flexible.edge(), flexible.cluster(), "ovh").build().k8sProvider())
                .isEmpty();
    }
}
