package com.honeydue.infra.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueStack;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.RecordingMonitor;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.concurrent.atomic.AtomicReference;
import com.honeydue.infra.engine.MockStackRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard inside the real program: the peer's exported state comes through a StackReference. */
class CutoverGuardStackTest {
    private static final Map<String, String> OVH_WITH_PEER = Map.of("peerStack", "prod");


    @Test
    void failsWhenBothStacksWouldRunTheWorker() {
        var config = ConfigOverrides.load("ovh", OVH_WITH_PEER);
        assertThat(config.app().workerReplicas()).isEqualTo(1);
        assertThatThrownBy(() -> MockStackRunner.run(config,
                Map.of("prod", Map.<String, Object>of("workerActive", true, "ownsPublicDns", false))))
                .hasMessageContaining("cutover guard refused this update")
                .hasMessageContaining("fire every cron twice").hasMessageContaining("workerActive: false on 'prod'");
    }

    @Test
    void aRefusedUpdateRegistersNoComponent() {
        var config = ConfigOverrides.load("ovh", OVH_WITH_PEER);
        var mocks = new FakeProviderMocks(Map.of("prod", Map.of("workerActive", true)));
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(config.project()).stackName("ovh").preview(true).build())
                    .mocks(mocks)
                    .monitorDecorator(m -> {
                        monitor.set(new RecordingMonitor(mocks, PulumiTestInternal.mockLog()));
                        return monitor.get();
                    })
                    .build()
                    .runTest(ctx -> HoneyDueStack.define(ctx, config));
            assertThat(result.errors()).anySatisfy(e -> assertThat(e).contains("cutover guard refused"));
            assertThat(monitor.get().recorded()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        } finally {
            PulumiTest.cleanup();
        }
    }

    @Test
    void failsWhenBothStacksWouldOwnDns() {
        var config = ConfigOverrides.load("ovh", Map.of("peerStack", "prod", "workerActive", "false"));
        assertThatThrownBy(() -> MockStackRunner.run(config,
                Map.of("prod", Map.<String, Object>of("workerActive", false, "ownsPublicDns", true))))
                .hasMessageContaining("own the public DNS");
    }

    @Test
    void passesAfterTheDocumentedSequence() {
        // prod has applied workerActive: false and ownsPublicDns: false; now ovh takes both.
        var run = MockStackRunner.run(ConfigOverrides.load("ovh", OVH_WITH_PEER),
                Map.of("prod", Map.<String, Object>of("workerActive", false, "ownsPublicDns", false)));
        assertThat(run.outputs().get("cutoverGuard").asText()).isEqualTo("ok");
        assertThat(run.outputs().get("workerActive").asBoolean()).isTrue();
        assertThat(run.outputs().get("ownsPublicDns").asBoolean()).isTrue();
        assertThat(run.ofType("honeydue:cluster:K3sNodeGroup")).as("components register once the guard passed").hasSize(1);
    }

    @Test
    void aPeerThatExportsNothingYetIsReportedNotRefused() {
        var run = MockStackRunner.run(ConfigOverrides.load("ovh", OVH_WITH_PEER), Map.of());
        assertThat(run.outputs().get("cutoverGuard").asText()).contains("exports no cutover state yet");
    }

    @Test
    void peerStackMustNameAnotherStack() {
        assertThat(ConfigOverrides.failure("ovh", Map.of("peerStack", "ovh")).getMessage())
                .contains("honeydue-infra:peerStack").contains("names this stack itself");
    }
}
