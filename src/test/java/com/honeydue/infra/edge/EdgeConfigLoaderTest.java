package com.honeydue.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigProblem;
import com.honeydue.infra.config.ConfigValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeConfigLoaderTest {
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";
    static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----\n";

    private static List<ConfigProblem> problems(String stack, Map<String, ?> overrides, boolean offline) {
        try {
            EdgeStacks.config(stack, overrides, offline);
        } catch (ConfigValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected config problems for " + overrides);
    }

    private static List<String> keys(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::key).toList();
    }

    @Test
    void ovhOwnsTheFourHostnamesWithFlexibleSslAndTheAllowListOn() {
        EdgeConfig edge = StackFixtures.config("ovh").edge();
        assertThat(edge.ownsPublicDns()).isTrue();
        assertThat(edge.zoneName()).isEqualTo("myhoneydue.com");
        assertThat(edge.publicHostnames()).containsExactly("api.myhoneydue.com", "app.myhoneydue.com", "admin.myhoneydue.com", "myhoneydue.com");
        assertThat(edge.sslMode()).isEqualTo(EdgeConfig.SslMode.FLEXIBLE);
        assertThat(edge.originTls()).isFalse();
        assertThat(edge.originCertificate()).isEmpty();
        assertThat(edge.apiToken()).isPresent();
        assertThat(edge.zoneId()).as("offline, the unknown zone id is a marked placeholder").isEqualTo("offline-placeholder-for-cloudflareZoneId");
        assertThat(edge.cloudflareAllowList()).isTrue();
        assertThat(edge.allowListCidrs()).hasSize(22).startsWith("173.245.48.0/20").endsWith("2c0f:f248::/32");
        assertThat(edge.publicUrls()).containsExactly("https://api.myhoneydue.com", "https://app.myhoneydue.com",
                "https://admin.myhoneydue.com", "https://myhoneydue.com");
    }

    @Test
    void prodDoesNotOwnDnsAndNeedsNoCloudflareToken() {
        EdgeConfig edge = StackFixtures.config("prod").edge();
        assertThat(edge.ownsPublicDns()).isFalse();
        assertThat(edge.publicHostnames()).containsExactly("api.myhoneydue.com", "admin.myhoneydue.com", "myhoneydue.com");
        assertThat(edge.needsCloudflareApi()).isFalse();
        assertThat(edge.apiToken()).isEmpty();
        assertThat(edge.zoneId()).isEmpty();
        assertThat(edge.allowListCidrs()).hasSize(22);
    }

    @Test
    void allowListOffMeansTheWorld() {
        EdgeConfig edge = EdgeStacks.config("ovh", Map.of("cloudflareAllowList", false)).edge();
        assertThat(edge.allowListCidrs()).isEmpty();
        assertThat(edge.cloudflareIpv4Ranges()).hasSize(15);
    }

    @Test
    void aStackCanOverrideTheRanges() {
        EdgeConfig edge = EdgeStacks.config("ovh", Map.of("cloudflareIpv4Ranges", List.of("198.41.128.0/17"),
                "cloudflareIpv6Ranges", List.of())).edge();
        assertThat(edge.allowListCidrs()).containsExactly("198.41.128.0/17");
    }

    @Test
    void aHostnameOutsideTheZoneIsAProblemNamingTheKey() {
        var problems = problems("ovh", Map.of("publicHostnames", List.of("api.myhoneydue.com", "api.example.org", "api.myhoneydue.com")), true);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("publicHostnames[1]", "publicHostnames[2]");
        assertThat(problems.get(0).message()).contains("outside the zone myhoneydue.com", "cloudflareZoneName");
        assertThat(problems.get(1).message()).contains("duplicates publicHostnames[0]");
    }

    @Test
    void everyEdgeProblemIsReportedAtOnce() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("cloudflareZoneName", "My Zone");
        bad.put("cloudflareZoneId", "not-an-id");
        bad.put("sslMode", "full");
        bad.put("originCaRequestType", "origin-dsa");
        bad.put("cloudflareIpv4Ranges", List.of("173.245.48.0/20", "2400:cb00::/32", "10.0.0.1/8"));
        bad.put("publicHostnames", List.of());
        assertThat(keys(problems("ovh", bad, true))).containsExactlyInAnyOrder("cloudflareZoneName", "publicHostnames",
                "cloudflareZoneId", "sslMode", "originCaRequestType", "cloudflareIpv4Ranges[1]", "cloudflareIpv4Ranges[2]");
    }

    @Test
    void onlineTheOwnerNeedsTheZoneIdAndTheToken() {
        var problems = problems("ovh", Map.of(), false);
        assertThat(keys(problems)).contains("cloudflareZoneId", "cloudflareApiToken");
        assertThat(problems).filteredOn(p -> p.key().equals("cloudflareApiToken")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("pulumi config set --secret cloudflareApiToken"));
        assertThat(keys(problems("prod", Map.of(), false))).doesNotContain("cloudflareZoneId", "cloudflareApiToken");
    }

    @Test
    void strictWithACsrNeedsCsrKeyAndTokenEvenWithoutDnsOwnership() {
        var problems = problems("prod", Map.of("sslMode", "strict"), false);
        assertThat(keys(problems)).contains("originCsrPem", "originPrivateKeyPem", "cloudflareApiToken")
                .doesNotContain("originCertificatePem", "cloudflareZoneId");
        var existing = problems("prod", Map.of("sslMode", "strict", "originCertificateSource", "existing"), false);
        assertThat(keys(existing)).contains("originCertificatePem", "originPrivateKeyPem")
                .doesNotContain("originCsrPem", "cloudflareApiToken");
    }

    @Test
    void pemSecretsAreCheckedForTheirArmorWithoutEchoingThem() {
        var swapped = problems("ovh", Map.of("sslMode", "strict", "originCertificateSource", "existing",
                "originCertificatePem", KEY, "originPrivateKeyPem", CERT), true);
        assertThat(keys(swapped)).containsExactlyInAnyOrder("originCertificatePem", "originPrivateKeyPem");
        assertThat(swapped).allSatisfy(p -> assertThat(p.message()).doesNotContain("MIIE", "MIIB"));

        var encrypted = problems("ovh", Map.of("sslMode", "strict", "originCsrPem", CSR,
                "originPrivateKeyPem", KEY.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")), true);
        assertThat(encrypted).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("originPrivateKeyPem");
            assertThat(p.message()).contains("passphrase");
        });
    }

    @Test
    void strictConfigurationsThatLoad() {
        EdgeConfig requested = EdgeStacks.config("ovh", Map.of("sslMode", "strict", "originCsrPem", CSR,
                "originPrivateKeyPem", KEY, "originCaRequestType", "origin-ecc")).edge();
        assertThat(requested.originTls()).isTrue();
        assertThat(requested.originCertificate()).get().isInstanceOfSatisfying(EdgeConfig.RequestedCertificate.class,
                c -> assertThat(c.requestType()).isEqualTo("origin-ecc"));

        EdgeConfig existing = EdgeStacks.config("ovh", Map.of("sslMode", "strict", "originCertificateSource", "existing",
                "originCertificatePem", CERT, "originPrivateKeyPem", KEY)).edge();
        assertThat(existing.originCertificate()).get().isInstanceOf(EdgeConfig.ExistingCertificate.class);
        assertThat(existing.sslMode().cloudflareValue()).isEqualTo("strict");
    }

    @Test
    void theRequestedCertificateMustCoverEveryHostname() {
        var problems = problems("ovh", Map.of("sslMode", "strict",
                "publicHostnames", List.of("api.myhoneydue.com", "eu.api.myhoneydue.com")), true);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("publicHostnames[1]");
            assertThat(p.message()).contains("*.myhoneydue.com", "would not cover");
        });
    }

    @Test
    void aaaaRecordsNeedAnIpv6OnEveryNode() {
        assertThat(EdgeStacks.config("ovh", Map.of("dnsIpv6Records", true)).edge().dnsIpv6Records()).isTrue();
        var problems = problems("prod", Map.of("dnsIpv6Records", true), true);
        assertThat(problems).hasSize(3).allSatisfy(p -> {
            assertThat(p.key()).isEqualTo("dnsIpv6Records");
            assertThat(p.message()).contains("has no ipv6");
        });
    }

    @Test
    void anEmptyAllowListIsRefusedWhileTheAllowListIsOn() {
        Map<String, Object> empty = Map.of("cloudflareIpv4Ranges", List.of(), "cloudflareIpv6Ranges", List.of());
        assertThat(problems("ovh", empty, true)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("cloudflareIpv4Ranges");
            assertThat(p.message()).contains("cloudflareAllowList");
        });
        Map<String, Object> emptyAndOff = new HashMap<>(empty);
        emptyAndOff.put("cloudflareAllowList", false);
        assertThat(EdgeStacks.config("ovh", emptyAndOff).edge().allowListCidrs()).isEmpty();
    }

    @Test
    void theZoneIdIsNeverReplacedOnline() {
        Map<String, Object> online = new HashMap<>(com.honeydue.infra.ConfigOverrides.everySecret("set"));
        online.putAll(com.honeydue.infra.ConfigOverrides.deployReady("ovh"));
        online.put("cloudflareZoneId", EdgeStacks.ZONE_ID);
        EdgeConfig edge = EdgeStacks.config("ovh", online, false).edge();
        assertThat(edge.zoneId()).isEqualTo(EdgeStacks.ZONE_ID);
    }
}
