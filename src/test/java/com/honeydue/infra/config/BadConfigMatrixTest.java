package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueProgram;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10's matrix: each invalid stack file runs through the whole program under the mock engine. It must stop
 * before any resource reaches the engine, with a message that names the key and the expected form.
 */
class BadConfigMatrixTest {
    private static final String N1 = "alias=ovhcloud1 ipv4=51.81.83.33 k8sName=vps-1624d691";
    private static final String N2 = "alias=ovhcloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2";
    private static final String N3 = "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-dbca24c7";

    record Outcome(List<RecordedResource> registered, List<String> errors) {}

    /** Runs HoneyDueProgram (validation, then the stack) for the ovh stack file with these overrides. */
    static Outcome run(Map<String, String> overrides, boolean offline) {
        var raw = ConfigOverrides.raw("ovh", overrides, offline);
        var attempt = MockStackRunner.attempt("honeydue-infra", "ovh",
                ctx -> HoneyDueProgram.run(ctx, ConfigOverrides.schema(), raw), new FakeProviderMocks());
        return new Outcome(attempt.registered(), attempt.errors());
    }

    private static String nodes(String... entries) {
        return "['" + String.join("', '", entries) + "']";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---------------------------------------------------------------- cluster
                bad("malformed IPv4", Map.of("nodes", nodes(N1, N2, "alias=ovhcloud3 ipv4=51.81.85 k8sName=vps-dbca24c7")),
                        "nodes[2].ipv4", "four octets 0-255"),
                bad("duplicate IPv4", Map.of("nodes", nodes(N1, N2, "alias=ovhcloud3 ipv4=51.81.83.33 k8sName=vps-dbca24c7")),
                        "nodes[2].ipv4", "every node needs its own"),
                bad("malformed IPv6", Map.of("nodes", nodes(N1 + " ipv6=fe80:::1", N2, N3)), "nodes[0].ipv6", "expected e.g. 2604:"),
                bad("duplicate node name", Map.of("nodes", nodes(N1, N2, "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-1624d691")),
                        "nodes[2].k8sName", "every node needs its own"),
                bad("duplicate ssh alias", Map.of("nodes", nodes(N1, N2, "alias=ovhcloud1 ipv4=51.81.85.248 k8sName=vps-dbca24c7")),
                        "nodes[2].alias", "every node needs its own"),
                bad("node name that is not a DNS name", Map.of("nodes", nodes(N1, N2, "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=VPS_3")),
                        "nodes[2].k8sName", "lower-case DNS name"),
                bad("an even number of servers", Map.of("nodes", nodes(N1, N2, N3, "alias=ovhcloud4 ipv4=51.81.90.4 k8sName=vps-4")),
                        "nodes", "odd number of at least 3"),
                bad("a single server", Map.of("nodes", nodes(N1)), "nodes", "odd number of at least 3"),
                bad("no node labelled for Redis", Map.of("nodeLabels", "[]"), "nodeLabels", "exactly one entry"),
                bad("two nodes labelled for Redis",
                        Map.of("nodeLabels", "['vps-1624d691:honeydue/redis=true', 'vps-dbca24c7:honeydue/redis=true']"),
                        "nodeLabels", "exactly one entry"),
                bad("an unknown provider profile", Map.of("provider", "hetzner-cloud"), "provider", "one of hetzner, ovh"),
                bad("a k3s version without +k3sN", Map.of("k3sVersion", "1.34.6"), "k3sVersion", "vX.Y.Z+k3sN"),
                bad("an admin CIDR that does not parse", Map.of("adminCidrs", "['10.0.0.0/40']"), "adminCidrs[0]", "e.g. 203.0.113.0/24"),
                bad("6443 restricted with no admin CIDRs", Map.of("restrictApiServer", "true"), "adminCidrs", "list of CIDRs"),
                bad("an allow-list that locks the operator out", Map.of("restrictApiServer", "true",
                        "adminCidrs", "['198.51.100.0/24']", "operatorCidr", "203.0.113.9/32"), "adminCidrs", "lock you out"),
                bad("an etcd retention of 0", Map.of("etcdSnapshotRetention", "0"), "etcdSnapshotRetention", "1..1000"),
                bad("a malformed cron", Map.of("etcdSnapshotCron", "'*/12 * *'"), "etcdSnapshotCron", "5-field cron"),
                bad("an unknown key (typo)", Map.of("etcdSnapshotRetension", "5"), "etcdSnapshotRetension",
                        "did you mean 'etcdSnapshotRetention'"),
                bad("an extra firewall rule that is not a rule", Map.of("extraFirewallRules", "['9100']"),
                        "extraFirewallRules[0]", "<port>[:<port>]/<tcp|udp>"),
                bad("a restore without confirmation", Map.of("etcdRestoreSnapshot", "snap-1"), "etcdRestoreConfirm", "ovh:snap-1"),
                bad("a join target that is not a node", Map.of("joinTarget", "ovhcloud9"), "joinTarget", "alias of a live server"),
                bad("an installer URL over plain HTTP", Map.of("k3sInstallerUrl", "http://get.k3s.io"), "k3sInstallerUrl", "https://"),
                // ---------------------------------------------------------------- app
                bad("worker replicas 2", Map.of("workerReplicas", "2"), "workerReplicas", "expected 0 or 1"),
                bad("an api image without a digest", Map.of("apiImage", "gitea.treytartt.com/admin/honeydue-api:latest"),
                        "apiImage", "@sha256:"),
                bad("a redis image without a digest", Map.of("redisImage", "redis:7-alpine"), "redisImage", "@sha256:"),
                bad("an ingress route that is not host=service", Map.of("ingressRoutes", "['api.myhoneydue.com']"),
                        "ingressRoutes[0]", "="),
                bad("a migration host that is the pooler", Map.of("postgresDirectHost",
                        "ep-floral-truth-amttbc5a-pooler.c-5.us-east-1.aws.neon.tech"), "postgresDirectHost", "direct"),
                bad("an OTel sampler that is not a ratio", Map.of("otelTracesSamplerArg", "'ten percent'"),
                        "otelTracesSamplerArg", "between 0 and 1"),
                bad("an HPA maximum below the replicas", Map.of("apiMaxReplicas", "2"), "apiMaxReplicas", "at least apiReplicas"),
                bad("Kratos switched on", Map.of("kratosEnabled", "true"), "kratosEnabled", "not supported"),
                bad("a smoke-check host that is not routed to api", Map.of("smokeCheckHost", "app.myhoneydue.com"),
                        "smokeCheckHost", "routed to api"),
                // ---------------------------------------------------------------- edge
                bad("a hostname outside the zone", Map.of("publicHostnames", "['api.myhoneydue.com', 'api.example.org']"),
                        "publicHostnames[1]", "myhoneydue.com"),
                bad("an unknown SSL mode", Map.of("sslMode", "full"), "sslMode", "flexible"),
                bad("a Cloudflare IPv4 range that does not parse", Map.of("cloudflareIpv4Ranges", "['173.245.48.0/33']"),
                        "cloudflareIpv4Ranges[0]", "CIDR"),
                bad("an IPv6 range in the IPv4 list", Map.of("cloudflareIpv4Ranges", "['2400:cb00::/32']"),
                        "cloudflareIpv4Ranges[0]", "IPv4"),
                bad("a zone id that is not 32 hex", Map.of("cloudflareZoneId", "myhoneydue.com"), "cloudflareZoneId", "32"),
                // ---------------------------------------------------------------- observability
                bad("a remote-write URL over plain HTTP", Map.of("obsRemoteWriteUrl", "http://obs.88oakapps.com/api/v1/write"),
                        "obsRemoteWriteUrl", "https://"),
                bad("an agent image without a digest", Map.of("vmagentImage", "victoriametrics/vmagent:v1.135.0"),
                        "vmagentImage", "@sha256:"),
                bad("worker metrics without vmagent", Map.of("workerMetricsEnabled", "true", "vmagentEnabled", "false"),
                        "workerMetricsEnabled", "vmagent"),
                // ---------------------------------------------------------------- cutover
                bad("a peer stack that is this stack", Map.of("peerStack", "ovh"), "peerStack", "OTHER stack"));
    }

    private static Arguments bad(String title, Map<String, String> overrides, String key, String expectedForm) {
        return Arguments.of(title, overrides, key, expectedForm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stopsBeforeAnyResourceWithTheKeyAndTheExpectedForm(String title, Map<String, String> overrides, String key,
                                                           String expectedForm) {
        assertStopsBeforeAnyResource(title, overrides, key, expectedForm);
    }

    /** Runs the ovh stack with the overrides; asserts nothing was registered and the error names the key. */
    static String assertStopsBeforeAnyResource(String title, Map<String, String> overrides, String key, String expectedForm) {
        Outcome outcome = run(overrides, true);
        assertThat(outcome.registered()).as(title + ": nothing but the root stack may be registered")
                .extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        String message = String.join("\n", outcome.errors());
        assertThat(message).as(title).contains("honeydue-infra:" + key + ": ").contains(expectedForm);
        return message;
    }

    @Test
    void atLeastFortyDistinctCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aMissingRequiredSecretStopsTheRealEngineRun() {
        Map<String, String> everythingButTheToken = new LinkedHashMap<>(ConfigOverrides.everySecret("set"));
        everythingButTheToken.remove("registryToken");
        everythingButTheToken.putAll(ConfigOverrides.deployReady("ovh"));
        Outcome outcome = run(everythingButTheToken, false);
        assertThat(outcome.registered()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        assertThat(String.join("\n", outcome.errors()))
                .contains("honeydue-infra:registryToken: is a required secret").contains("pulumi config set --secret registryToken");
    }

    @Test
    void placeholderDigestsRenderOfflineButAreRefusedForARealDeploy() {
        Map<String, String> online = new LinkedHashMap<>(ConfigOverrides.everySecret("set"));
        online.put("cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        String message = String.join("\n", run(online, false).errors());
        assertThat(message).contains("honeydue-infra:apiImage: ").contains("placeholder digest").contains("crane digest");
        assertThat(run(Map.of(), true).errors()).isEmpty();
    }

    @Test
    void severalProblemsInOneFileAreAllReportedInOneRun() {
        Map<String, String> many = new LinkedHashMap<>();
        many.put("workerReplicas", "2");
        many.put("k3sVersion", "latest");
        many.put("sslMode", "full");
        many.put("obsRemoteWriteUrl", "http://x");
        many.put("etcdSnapshotRetention", "0");
        String message = String.join("\n", run(many, true).errors());
        for (String key : many.keySet()) {
            assertThat(message).contains("honeydue-infra:" + key + ": ");
        }
        assertThat(message).contains("has 5 config problems");
    }
}
