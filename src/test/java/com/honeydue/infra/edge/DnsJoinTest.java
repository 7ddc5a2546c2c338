package com.honeydue.infra.edge;

import static com.honeydue.infra.edge.EdgeStacks.CLOUDFLARE_PROVIDER;
import static com.honeydue.infra.edge.EdgeStacks.DNS_RECORD;
import static com.honeydue.infra.edge.EdgeStacks.K8S_SECRET;
import static com.honeydue.infra.edge.EdgeStacks.ORIGIN_CA;
import static com.honeydue.infra.edge.EdgeStacks.ZONE_SETTING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.honeydue.infra.config.ConfigProblem;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cutover make-before-break (issue 11): a stack that joins ({@code dnsJoin}) publishes its records next to the
 * owner's; taking over later ({@code ownsPublicDns: true, dnsJoin: false}) must change no record, so no hostname is
 * ever without one.
 */
class DnsJoinTest {
    static final Map<String, Object> PROD_JOINS = Map.of("dnsJoin", true);
    static final Map<String, Object> PROD_OWNS = Map.of("ownsPublicDns", true);
    static final Map<String, Object> OVH_JOINS = Map.of("ownsPublicDns", false, "dnsJoin", true);

    /**
     * Everything the engine keeps of a record and compares to decide whether it changes: URN, parent, provider,
     * inputs (and which are secret), dependencies (a set to the engine).
     */
    private static Map<String, String> records(StackRun run) {
        return run.ofType(DNS_RECORD).stream().collect(Collectors.toMap(RecordedResource::urn,
                r -> "parent=" + r.parent() + " provider=" + r.provider() + " inputs=" + r.inputs()
                        + " secret=" + r.secretPaths() + " dependsOn=" + new java.util.TreeSet<>(r.dependsOn()),
                (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> provider(StackRun run) {
        RecordedResource p = run.named(CLOUDFLARE_PROVIDER, "cloudflare");
        return Map.of(p.urn(), "parent=" + p.parent() + " inputs=" + p.inputs() + " secret=" + p.secretPaths());
    }

    @Test
    void takingOverChangesNoRecord() {
        StackRun joined = EdgeStacks.run("prod", PROD_JOINS);
        StackRun owning = EdgeStacks.run("prod", PROD_OWNS);
        assertThat(records(joined)).hasSize(9).isEqualTo(records(owning));
        assertThat(provider(joined)).as("the records' provider is the same resource too").isEqualTo(provider(owning));
        // What the take-over does change: the zone's SSL setting only.
        assertThat(joined.ofType(ZONE_SETTING)).isEmpty();
        assertThat(owning.ofType(ZONE_SETTING)).hasSize(1);

        // The committed owner, ovh, had it joined first: the same 12 records.
        assertThat(records(EdgeStacks.run("ovh", OVH_JOINS))).hasSize(12).isEqualTo(records(EdgeStacks.run("ovh", Map.of())));
    }

    @Test
    void joinModeRegistersRecordsButNoZoneSettingOrOriginCertificate() {
        StackRun run = EdgeStacks.run("prod", PROD_JOINS);
        RecordedResource pool = EdgeStacks.component(run);
        assertThat(run.ofType(DNS_RECORD)).hasSize(9).allSatisfy(r -> {
            assertThat(r.inputs().path("proxied")).isEqualTo(BooleanNode.TRUE);
            assertThat(r.inputs().path("ttl").asDouble()).isEqualTo(1.0);
            assertThat(r.inputs().path("comment").asText()).isEqualTo("managed by honeydue-infra stack prod");
            assertThat(r.parent()).isEqualTo(pool.urn());
        });
        assertThat(run.named(DNS_RECORD, "api.myhoneydue.com-hetzner2-a").inputs().path("content").asText())
                .isEqualTo("178.105.32.198");
        assertThat(run.ofType(ZONE_SETTING)).isEmpty();
        assertThat(run.ofType(ORIGIN_CA)).isEmpty();
        assertThat(run.ofType(CLOUDFLARE_PROVIDER)).hasSize(1);
        assertThat(run.outputs().get("dnsJoin").asBoolean()).isTrue();
        assertThat(run.outputs().get("ownsPublicDns").asBoolean()).isFalse();
        assertThat(EdgeStacks.config("prod", PROD_JOINS).edge().needsCloudflareApi()).isTrue();
    }

    @Test
    void aJoinedStackInStrictModeStillServesTlsWithItsOwnOriginCertificate() {
        // The owner's zone is strict, so Cloudflare demands TLS from the joined origins too: the certificate and the
        // TLS Secret are this stack's, only the zone setting is not.
        Map<String, Object> strictJoin = new HashMap<>(CloudflareOriginPoolTest.STRICT_CSR);
        strictJoin.putAll(PROD_JOINS);
        StackRun run = EdgeStacks.run("prod", strictJoin);
        RecordedResource secret = run.named(K8S_SECRET, "cloudflare-origin-cert");
        assertThat(run.ofType(ORIGIN_CA)).hasSize(1);
        assertThat(run.ofType(ZONE_SETTING)).isEmpty();
        assertThat(run.ofType(DNS_RECORD)).hasSize(9).allSatisfy(r -> assertThat(r.dependsOn()).contains(secret.urn()));
    }

    @Test
    void joiningWhileOwningIsRefusedNamingTheKey() {
        List<ConfigProblem> problems = problems("ovh", Map.of("dnsJoin", true), true);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("dnsJoin");
            assertThat(p.message()).contains("ownsPublicDns is true", "dnsJoin: false", "ownsPublicDns: false");
        });
    }

    @Test
    void aJoiningStackNeedsTheZoneIdAndTheTokenLikeTheOwner() {
        List<ConfigProblem> problems = problems("prod", PROD_JOINS, false);
        assertThat(problems).filteredOn(p -> p.key().equals("cloudflareZoneId")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("because dnsJoin is true"));
        assertThat(problems).extracting(ConfigProblem::key).contains("cloudflareApiToken");
    }

    private static List<ConfigProblem> problems(String stack, Map<String, ?> overrides, boolean offline) {
        try {
            EdgeStacks.config(stack, overrides, offline);
        } catch (ConfigValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected config problems for " + overrides);
    }
}
