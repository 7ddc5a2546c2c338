package com.honeydue.infra.edge;

import static com.honeydue.infra.edge.EdgeStacks.CLOUDFLARE_PROVIDER;
import static com.honeydue.infra.edge.EdgeStacks.DNS_RECORD;
import static com.honeydue.infra.edge.EdgeStacks.K8S_SECRET;
import static com.honeydue.infra.edge.EdgeStacks.ORIGIN_CA;
import static com.honeydue.infra.edge.EdgeStacks.ZONE_SETTING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloudflareOriginPoolTest {
    static final List<String> OVH_IPS = List.of("51.81.83.33", "51.81.87.86", "51.81.85.248");
    static final List<String> HETZNER_IPS = List.of("178.104.247.152", "178.105.32.198", "178.104.249.189");
    static final Map<String, Object> STRICT_EXISTING = Map.of("sslMode", "strict", "originCertificateSource", "existing",
            "originCertificatePem", EdgeConfigLoaderTest.CERT, "originPrivateKeyPem", EdgeConfigLoaderTest.KEY);
    static final Map<String, Object> STRICT_CSR = Map.of("sslMode", "strict", "originCsrPem", EdgeConfigLoaderTest.CSR,
            "originPrivateKeyPem", EdgeConfigLoaderTest.KEY);

    /** hostname → record contents, for the A records of a run. */
    private static Map<String, List<String>> aRecords(StackRun run) {
        Map<String, List<String>> out = new TreeMap<>();
        run.ofType(DNS_RECORD).stream().filter(r -> r.inputs().path("type").asText().equals("A")).forEach(r ->
                out.computeIfAbsent(r.inputs().path("name").asText(), k -> new ArrayList<>()).add(r.inputs().path("content").asText()));
        return out;
    }

    private static Set<String> names(List<RecordedResource> resources) {
        return resources.stream().map(RecordedResource::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void ovhPublishesFourHostnamesTimesThreeProxiedARecords() {
        StackRun run = StackFixtures.run("ovh");
        RecordedResource pool = EdgeStacks.component(run);
        RecordedResource provider = run.named(CLOUDFLARE_PROVIDER, "cloudflare");
        String zoneId = StackFixtures.config("ovh").edge().zoneId();

        List<RecordedResource> records = run.ofType(DNS_RECORD);
        assertThat(records).hasSize(12);
        assertThat(aRecords(run)).containsOnlyKeys("api.myhoneydue.com", "app.myhoneydue.com", "admin.myhoneydue.com", "myhoneydue.com")
                .allSatisfy((host, ips) -> assertThat(ips).containsExactlyInAnyOrderElementsOf(OVH_IPS));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.inputs().path("type").asText()).isEqualTo("A");
            assertThat(r.inputs().path("proxied")).isEqualTo(BooleanNode.TRUE);
            assertThat(r.inputs().path("ttl").asDouble()).isEqualTo(1.0);
            assertThat(r.inputs().path("comment").asText()).isEqualTo("managed by honeydue-infra stack ovh");
            assertThat(r.inputs().path("zoneId").asText()).isEqualTo(zoneId);
            assertThat(r.parent()).isEqualTo(pool.urn());
            assertThat(r.provider()).startsWith(provider.urn() + "::");
        });
        assertThat(run.named(DNS_RECORD, "myhoneydue.com-ovhcloud3-a").inputs().path("content").asText()).isEqualTo("51.81.85.248");
        assertThat(run.named(DNS_RECORD, "admin.myhoneydue.com-ovhcloud1-a").inputs().path("name").asText()).isEqualTo("admin.myhoneydue.com");
        assertThat(provider.parent()).isEqualTo(pool.urn());
        assertThat(run.outputs().get("ownsPublicDns").asBoolean()).isTrue();
        assertThat(run.outputs().get("publicUrls")).hasSize(4);
    }

    @Test
    void flexibleModeSetsTheZoneSslSettingAndRegistersNoCertificate() {
        StackRun run = StackFixtures.run("ovh");
        RecordedResource ssl = run.named(ZONE_SETTING, "ssl-mode");
        assertThat(ssl.inputs().path("settingId").asText()).isEqualTo("ssl");
        assertThat(ssl.inputs().path("value").asText()).isEqualTo("flexible");
        assertThat(ssl.inputs().path("zoneId").asText()).isEqualTo(StackFixtures.config("ovh").edge().zoneId());
        assertThat(ssl.parent()).isEqualTo(EdgeStacks.component(run).urn());
        assertThat(run.ofType(ZONE_SETTING)).hasSize(1);
        assertThat(run.ofType(ORIGIN_CA)).isEmpty();
        assertThat(EdgeStacks.edgeSecrets(run)).isEmpty();
    }

    @Test
    void prodDoesNotOwnTheDnsSoRegistersNoCloudflareResource() {
        StackRun run = StackFixtures.run("prod");
        assertThat(EdgeStacks.component(run)).isNotNull();
        assertThat(run.ofType(DNS_RECORD)).isEmpty();
        assertThat(run.ofType(ZONE_SETTING)).isEmpty();
        assertThat(run.ofType(CLOUDFLARE_PROVIDER)).isEmpty();
        assertThat(run.outputs().get("ownsPublicDns").asBoolean()).isFalse();
        assertThat(run.outputs().get("publicUrls")).extracting(n -> n.asText())
                .containsExactly("https://api.myhoneydue.com", "https://admin.myhoneydue.com", "https://myhoneydue.com");
        assertThat(run.secretOutputs()).containsEntry("publicUrls", false).containsEntry("ownsPublicDns", false);
    }

    @Test
    void prodOwningTheDnsPublishesThreeHostnamesTimesThreeHetznerRecords() {
        StackRun run = EdgeStacks.run("prod", Map.of("ownsPublicDns", true));
        assertThat(run.ofType(DNS_RECORD)).hasSize(9)
                .allSatisfy(r -> assertThat(r.inputs().path("comment").asText()).isEqualTo("managed by honeydue-infra stack prod"));
        assertThat(aRecords(run)).containsOnlyKeys("api.myhoneydue.com", "admin.myhoneydue.com", "myhoneydue.com")
                .allSatisfy((host, ips) -> assertThat(ips).containsExactlyInAnyOrderElementsOf(HETZNER_IPS));
        assertThat(names(run.ofType(DNS_RECORD))).contains("myhoneydue.com-hetzner1-a", "api.myhoneydue.com-hetzner3-a");
    }

    @Test
    void aaaaRecordsFollowTheFlag() {
        StackRun run = EdgeStacks.run("ovh", Map.of("dnsIpv6Records", true));
        List<RecordedResource> aaaa = run.ofType(DNS_RECORD).stream().filter(r -> r.inputs().path("type").asText().equals("AAAA")).toList();
        assertThat(aaaa).hasSize(12).allSatisfy(r -> assertThat(r.inputs().path("proxied")).isEqualTo(BooleanNode.TRUE));
        assertThat(run.named(DNS_RECORD, "api.myhoneydue.com-ovhcloud1-aaaa").inputs().path("content").asText())
                .isEqualTo("2604:2dc0:101:200::5a9a");
    }

    @Test
    void strictWithAnExistingCertificateCreatesTheTlsSecretAndSetsStrictAfterIt() {
        StackRun run = EdgeStacks.run("ovh", STRICT_EXISTING);
        RecordedResource pool = EdgeStacks.component(run);
        RecordedResource secret = run.named(K8S_SECRET, "cloudflare-origin-cert");
        assertThat(secret.inputs().path("type").asText()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.inputs().path("metadata").path("name").asText()).isEqualTo("cloudflare-origin-cert");
        assertThat(secret.inputs().path("metadata").path("namespace").asText()).isEqualTo("honeydue");
        assertThat(secret.secretPaths()).contains("/data");
        assertThat(secret.parent()).isEqualTo(pool.urn());
        assertThat(secret.provider()).startsWith(run.named("pulumi:providers:kubernetes", "cluster-k8s").urn() + "::");
        assertThat(run.ofType(ORIGIN_CA)).isEmpty();

        RecordedResource ssl = run.named(ZONE_SETTING, "ssl-mode");
        assertThat(ssl.inputs().path("value").asText()).isEqualTo("strict");
        assertThat(ssl.dependsOn()).as("Cloudflare expects origin TLS only once the certificate is there").contains(secret.urn());
        assertThat(run.ofType(DNS_RECORD)).allSatisfy(r -> assertThat(r.dependsOn()).contains(secret.urn()));
    }

    @Test
    void strictWithACsrRequestsAnOriginCaCertificateForTheZoneAndItsWildcard() {
        StackRun run = EdgeStacks.run("ovh", STRICT_CSR);
        RecordedResource cert = run.named(ORIGIN_CA, "origin-ca-certificate");
        assertThat(cert.inputs().path("hostnames")).extracting(n -> n.asText()).containsExactly("myhoneydue.com", "*.myhoneydue.com");
        assertThat(cert.inputs().path("requestType").asText()).isEqualTo("origin-rsa");
        assertThat(cert.inputs().path("requestedValidity").asDouble()).isEqualTo(5475.0);
        assertThat(cert.secretPaths()).contains("/csr");
        assertThat(cert.parent()).isEqualTo(EdgeStacks.component(run).urn());
        assertThat(cert.provider()).startsWith(run.named(CLOUDFLARE_PROVIDER, "cloudflare").urn() + "::");

        RecordedResource secret = run.named(K8S_SECRET, "cloudflare-origin-cert");
        assertThat(secret.dependsOn()).as("the TLS Secret carries the issued certificate").contains(cert.urn());
        assertThat(secret.secretPaths()).contains("/data");
        assertThat(run.named(ZONE_SETTING, "ssl-mode").inputs().path("value").asText()).isEqualTo("strict");

        StackRun ecc = EdgeStacks.run("ovh", merged(STRICT_CSR, Map.of("originCaRequestType", "origin-ecc")));
        assertThat(ecc.named(ORIGIN_CA, "origin-ca-certificate").inputs().path("requestType").asText()).isEqualTo("origin-ecc");
    }

    @Test
    void aStackThatDoesNotOwnDnsStillTerminatesTlsInStrictMode() {
        StackRun run = EdgeStacks.run("prod", STRICT_EXISTING);
        assertThat(EdgeStacks.edgeSecrets(run)).hasSize(1);
        assertThat(run.ofType(ZONE_SETTING)).isEmpty();
        assertThat(run.ofType(DNS_RECORD)).isEmpty();
        assertThat(run.ofType(CLOUDFLARE_PROVIDER)).as("nothing to ask Cloudflare for").isEmpty();
    }

    @Test
    void addingANodeAddsExactlyItsRecordsAndRemovingOneRemovesExactlyItsRecords() {
        StackRun base = StackFixtures.run("ovh");
        List<String> nodes = EdgeStacks.nodes("ovh");

        List<String> withFourth = new ArrayList<>(nodes);
        withFourth.add("alias=ovhcloud4 ipv4=192.0.2.44 k8sName=vps-test0004");
        StackRun added = EdgeStacks.run("ovh", Map.of("nodes", withFourth, "allowNonHaNodeCount", true));
        Set<String> addedNames = names(added.ofType(DNS_RECORD));
        addedNames.removeAll(names(base.ofType(DNS_RECORD)));
        assertThat(addedNames).containsExactlyInAnyOrder("api.myhoneydue.com-ovhcloud4-a", "app.myhoneydue.com-ovhcloud4-a",
                "admin.myhoneydue.com-ovhcloud4-a", "myhoneydue.com-ovhcloud4-a");
        assertThat(names(added.ofType(DNS_RECORD))).containsAll(names(base.ofType(DNS_RECORD)));
        assertUnchanged(base, added);

        List<String> withoutSecond = nodes.stream().filter(n -> !n.contains("alias=ovhcloud2 ")).toList();
        StackRun removed = EdgeStacks.run("ovh", Map.of("nodes", withoutSecond, "allowNonHaNodeCount", true));
        Set<String> gone = names(base.ofType(DNS_RECORD));
        gone.removeAll(names(removed.ofType(DNS_RECORD)));
        assertThat(gone).containsExactlyInAnyOrder("api.myhoneydue.com-ovhcloud2-a", "app.myhoneydue.com-ovhcloud2-a",
                "admin.myhoneydue.com-ovhcloud2-a", "myhoneydue.com-ovhcloud2-a");
        assertThat(names(base.ofType(DNS_RECORD))).containsAll(names(removed.ofType(DNS_RECORD)));
        assertUnchanged(base, removed);
    }

    /** Records present in both runs have identical inputs: nothing else is replaced or updated. */
    private static void assertUnchanged(StackRun before, StackRun after) {
        for (RecordedResource r : after.ofType(DNS_RECORD)) {
            before.ofType(DNS_RECORD).stream().filter(b -> b.name().equals(r.name())).findFirst()
                    .ifPresent(b -> assertThat(r.inputs()).as(r.name()).isEqualTo(b.inputs()));
        }
    }

    static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return out;
    }
}
