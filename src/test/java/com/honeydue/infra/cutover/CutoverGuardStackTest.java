package com.honeydue.infra.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueStack;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.MockStackRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard inside the real program: the peer's exported state comes through a StackReference. */
class CutoverGuardStackTest {
    private static final Map<String, String> OVH_WITH_PEER = Map.of("peerStack", "prod");
    /** What the ovh stack exports today: it runs the worker and owns the DNS for its four hostnames. */
    private static final Map<String, Object> OVH_OWNS = Map.of("workerActive", true, "ownsPublicDns", true, "dnsJoin", false,
            "sslMode", "flexible", "publicUrls", java.util.List.of("https://api.myhoneydue.com", "https://app.myhoneydue.com",
                    "https://admin.myhoneydue.com", "https://myhoneydue.com"));


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
        var attempt = MockStackRunner.attempt(config.project(), "ovh", ctx -> HoneyDueStack.define(ctx, config),
                new FakeProviderMocks(Map.of("prod", Map.of("workerActive", true))));
        assertThat(attempt.errors()).anySatisfy(e -> assertThat(e).contains("cutover guard refused"));
        assertThat(attempt.registered()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
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
    void aJoiningStackPassesWhileThePeerOwnsTheDns() {
        // Cutover step 1, prod (Hetzner) joining ovh's records: no zone setting, its own 9 records.
        var config = ConfigOverrides.load("prod", Map.of("peerStack", "ovh", "dnsJoin", "true"));
        var run = MockStackRunner.run(config, Map.of("ovh", OVH_OWNS));
        assertThat(run.outputs().get("cutoverGuard").asText()).isEqualTo("ok");
        assertThat(run.outputs().get("dnsJoin").asBoolean()).isTrue();
        assertThat(run.outputs().get("ownsPublicDns").asBoolean()).isFalse();
        assertThat(run.ofType("cloudflare:index/dnsRecord:DnsRecord")).hasSize(9);
        assertThat(run.ofType("cloudflare:index/zoneSetting:ZoneSetting")).isEmpty();
    }

    @Test
    void theOwnerLettingGoBeforeThePeerJoinedIsRefusedBeforeAnythingIsRegistered() {
        // ovh owns today; prod has not joined. ownsPublicDns: false on ovh would delete the only records.
        var config = ConfigOverrides.load("ovh", Map.of("peerStack", "prod", "ownsPublicDns", "false", "workerActive", "false"));
        var attempt = MockStackRunner.attempt(config.project(), "ovh", ctx -> HoneyDueStack.define(ctx, config),
                new FakeProviderMocks(Map.of("prod", Map.of("workerActive", false, "ownsPublicDns", false, "dnsJoin", false,
                        "sslMode", "flexible", "publicUrls", java.util.List.of("https://api.myhoneydue.com")))));
        assertThat(String.join("\n", attempt.errors())).contains("cutover guard refused", "left without a record",
                "app.myhoneydue.com");
        assertThat(attempt.registered()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
    }

    @Test
    void eachStackExportsWhatItsPeersGuardReads() {
        var outputs = StackFixtures.run("ovh").outputs();
        assertThat(outputs.get("workerActive").asBoolean()).isTrue();
        assertThat(outputs.get("ownsPublicDns").asBoolean()).isTrue();
        assertThat(outputs.get("dnsJoin").asBoolean()).isFalse();
        assertThat(outputs.get("sslMode").asText()).isEqualTo("flexible");
        assertThat(outputs.get("publicUrls")).hasSize(4);
        assertThat(StackFixtures.run("prod").outputs().get("dnsJoin").asBoolean()).isFalse();
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
