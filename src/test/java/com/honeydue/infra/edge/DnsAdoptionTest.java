package com.honeydue.infra.edge;

import static com.honeydue.infra.edge.EdgeStacks.CLOUDFLARE_PROVIDER;
import static com.honeydue.infra.edge.EdgeStacks.DNS_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueProgram;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the zone already holds runbook §4's 12 records, made by hand. A stack that publishes records must say how
 * they relate to the zone (existingDnsRecords) before anything is registered; unset, the preview stops with the exact
 * import commands, whose names, parent and provider are the ones the program registers.
 */
class DnsAdoptionTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final Pattern IMPORT = Pattern.compile(
            "pulumi import --stack (\\S+) --protect=false --generate-code=false --parent 'edge=(\\S+)' --provider 'cloudflare=(\\S+)' "
                    + "(\\S+) (\\S+) '([0-9a-f]{32})/<id of (A|AAAA) (\\S+) (\\S+)>'");

    /** Under the real engine (no placeholders): every secret set, the facts set, then these overrides (null removes). */
    private static MockStackRunner.Attempt online(String stack, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(ConfigOverrides.everySecret("set"));
        values.putAll(ConfigOverrides.deployReady(stack));
        values.putAll(overrides);
        RawConfig raw = ConfigOverrides.raw(stack, values, false);
        return MockStackRunner.attempt("honeydue-infra", stack, ctx -> HoneyDueProgram.run(ctx, ConfigOverrides.schema(), raw),
                new FakeProviderMocks());
    }

    private static Map<String, String> unset() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("existingDnsRecords", null);
        return m;
    }

    private static Map<String, String> withUnset(String key, String value) {
        Map<String, String> m = unset();
        m.put(key, value);
        return m;
    }

    private static String message(MockStackRunner.Attempt attempt) {
        return String.join("\n", attempt.errors());
    }

    @Test
    void anOwnerThatHasNotSaidHowItsRecordsRelateToTheZoneStopsBeforeAnythingIsRegistered() {
        var attempt = online("ovh", unset());
        assertThat(attempt.registered()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        String message = message(attempt);
        assertThat(message).contains("has 1 config problem", "honeydue-infra:existingDnsRecords: is required because ownsPublicDns is true",
                "identical to one the zone already has", "last wave",
                "pulumi config set existingDnsRecords none --stack ovh",
                "pulumi config set existingDnsRecords imported --stack ovh",
                "pulumi preview --stack ovh --diff\n      pulumi up --stack ovh\n", "no record to create or replace");
        // The steps come in order: the choice, the first up without the records, the imports, the look, the up.
        assertThat(message.indexOf("existingDnsRecords imported --stack ovh")).isLessThan(message.indexOf("--exclude"));
        assertThat(message.indexOf("--exclude")).isLessThan(message.indexOf("\n      pulumi import"));
        assertThat(message.lastIndexOf("\n      pulumi import")).isLessThan(message.indexOf("pulumi preview --stack ovh --diff"));
        assertThat(message).doesNotContain("(message cut)");
        assertThat(IMPORT.matcher(message).results().count()).as("one import per record the stack registers").isEqualTo(12);
        assertThat(message).contains("'" + ZONE + "/<id of A api.myhoneydue.com 51.81.83.33>'",
                "cloudflare:index/dnsRecord:DnsRecord myhoneydue.com-ovhcloud3-a '" + ZONE + "/<id of A myhoneydue.com 51.81.85.248>'",
                "zones/" + ZONE + "/dns_records?type=A&per_page=100");
    }

    @Test
    void theCommandsNameTheResourcesExactlyAsTheProgramRegistersThem() {
        String message = message(online("ovh", unset()));
        StackRun run = StackFixtures.run("ovh");
        String edge = EdgeStacks.component(run).urn();
        String provider = run.named(CLOUDFLARE_PROVIDER, "cloudflare").urn();
        // The first up builds everything but the records: the import needs their parent and provider in the state.
        assertThat(message).contains("\n      pulumi up --stack ovh --exclude 'urn:pulumi:ovh::honeydue-infra::"
                + "honeydue:edge:CloudflareOriginPool$cloudflare:index/dnsRecord:DnsRecord::*'\n");
        assertThat(run.ofType(DNS_RECORD)).allSatisfy(r -> assertThat(r.urn()).startsWith(
                "urn:pulumi:ovh::honeydue-infra::honeydue:edge:CloudflareOriginPool$cloudflare:index/dnsRecord:DnsRecord::"));
        assertThat(run.resources().stream().filter(r -> r.urn().startsWith(DnsAdoption.recordUrnPattern("honeydue-infra", "ovh")
                .replace("*", ""))).map(RecordedResource::type).distinct()).as("the exclusion matches the records only")
                .containsExactly(DNS_RECORD);

        Set<String> registered = run.ofType(DNS_RECORD).stream().map(RecordedResource::urn).collect(Collectors.toSet());
        Set<String> imported = IMPORT.matcher(message).results().map(m -> {
            assertThat(m.group(1)).isEqualTo("ovh");
            assertThat(m.group(2)).isEqualTo(edge);
            assertThat(m.group(3)).isEqualTo(provider);
            assertThat(m.group(4)).isEqualTo(DNS_RECORD);
            RecordedResource record = run.named(DNS_RECORD, m.group(5));
            assertThat(record.inputs().path("type").asText()).isEqualTo(m.group(7));
            assertThat(record.inputs().path("name").asText()).isEqualTo(m.group(8));
            assertThat(record.inputs().path("content").asText()).isEqualTo(m.group(9));
            assertThat(record.parent()).isEqualTo(edge);
            assertThat(record.provider()).startsWith(provider + "::");
            // The import places the record at the URN the program registers it under: parent type $ type :: name.
            return DnsAdoption.recordUrn("honeydue-infra", "ovh", m.group(5));
        }).collect(Collectors.toSet());
        assertThat(imported).isEqualTo(registered).hasSize(12);
    }

    @Test
    void aJoiningStackNeedsItToo() {
        String message = message(online("prod", Map.of("dnsJoin", "true")));
        assertThat(message).contains("honeydue-infra:existingDnsRecords: is required because dnsJoin is true",
                "publishes 9 proxied records", "pulumi config set existingDnsRecords none --stack prod");
        assertThat(IMPORT.matcher(message).results().count()).isEqualTo(9);
    }

    @Test
    void aaaaRecordsAreListedWithTheirOwnLookup() {
        String message = message(online("ovh", withUnset("dnsIpv6Records", "true")));
        assertThat(IMPORT.matcher(message).results().count()).isEqualTo(24);
        assertThat(message).contains("api.myhoneydue.com-ovhcloud1-aaaa '" + ZONE + "/<id of AAAA api.myhoneydue.com 2604:2dc0:101:200::5a9a>'",
                "dns_records?type=AAAA&per_page=100");
    }

    @Test
    void eitherAnswerLetsThePreviewThroughWithTheSameResources() {
        var imported = online("ovh", Map.of("existingDnsRecords", "imported"));
        var none = online("ovh", Map.of("existingDnsRecords", "none"));
        assertThat(imported.errors()).isEmpty();
        assertThat(none.errors()).isEmpty();
        assertThat(imported.registered().stream().filter(r -> r.type().equals(DNS_RECORD)).map(RecordedResource::urn).sorted().toList())
                .hasSize(12)
                .isEqualTo(none.registered().stream().filter(r -> r.type().equals(DNS_RECORD)).map(RecordedResource::urn).sorted().toList());
    }

    @Test
    void aStackThatPublishesNoRecordsNeedsNoAnswer() {
        assertThat(ConfigOverrides.deployReady("prod")).doesNotContainKey("existingDnsRecords");
        assertThat(online("prod", Map.of()).errors()).isEmpty();
    }

    @Test
    void anUnknownAnswerIsRefusedNamingTheKey() {
        assertThat(message(online("ovh", Map.of("existingDnsRecords", "import"))))
                .contains("honeydue-infra:existingDnsRecords: 'import' is not one of none, imported (did you mean 'imported'?)")
                .doesNotContain("pulumi import --stack");
    }

    @Test
    void theCommittedStacksLeaveItUnsetSoACarelessFirstUpStopsAtPreview() throws IOException {
        for (String stack : List.of("ovh", "prod")) {
            assertThat(RawConfig.fromStackFile(StackFixtures.PROJECT, stack).values()).as(stack).doesNotContainKey("existingDnsRecords");
        }
        // Offline (render, the other tests) it is not required, like the zone id.
        assertThat(StackFixtures.config("ovh").edge().existingDnsRecords()).isEmpty();
        assertThat(StackFixtures.run("ovh").ofType(DNS_RECORD)).hasSize(12);
    }

    @Test
    void aMissingZoneIdLeavesItsPlaceInTheCommandsToTheOperator() {
        Map<String, String> noZone = new LinkedHashMap<>(unset());
        noZone.put("cloudflareZoneId", null);
        String message = message(online("ovh", noZone));
        assertThat(message).contains("honeydue-infra:cloudflareZoneId: is required",
                "'<zoneId>/<id of A api.myhoneydue.com 51.81.83.33>'");
        assertThat(Arrays.stream(message.split("\n")).filter(l -> l.strip().startsWith("pulumi import")).count()).isEqualTo(12);
    }

}
