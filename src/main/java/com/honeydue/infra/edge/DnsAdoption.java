package com.honeydue.infra.edge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adopting DNS records that already exist in the zone (runbook §4's 12 were made by hand): the exact steps that put
 * them into a stack's state under the names, parent and provider this program registers them with, so that no
 * {@code pulumi up} fails, in its last wave, on Cloudflare's "an identical record already exists". Pure: URNs are
 * computed as the engine writes them.
 *
 * <p>{@code pulumi import --parent/--provider} needs the parent component and the explicit Cloudflare provider in the
 * stack's state. A {@code pulumi up --target} of just those two is refused by the engine here (the implicitly targeted
 * Kubernetes provider depends on the cluster's kubeconfig step), so the stack's first {@code up} excludes the records
 * instead ({@code --exclude}, Pulumi CLI 3.158+, with a wildcard 3.188+): everything else is built, the hand-made
 * records keep serving, then each record is imported and the next {@code up} adopts it. The import ID of
 * {@code cloudflare:index/dnsRecord:DnsRecord} is {@code <zone id>/<record id>} (pulumi-cloudflare 6.x,
 * terraform-provider-cloudflare v5 {@code cloudflare_dns_record}).
 */
public final class DnsAdoption {
    public static final String DNS_RECORD_TYPE = "cloudflare:index/dnsRecord:DnsRecord";
    static final String PROVIDER_TYPE = "pulumi:providers:cloudflare";

    private DnsAdoption() {}

    /** {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}, the root stack's type left out as the engine does. */
    static String urn(String project, String stack, String qualifiedType, String name) {
        return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::" + name;
    }

    public static String componentUrn(String project, String stack) {
        return urn(project, stack, CloudflareOriginPool.TYPE, CloudflareOriginPool.NAME);
    }

    public static String providerUrn(String project, String stack) {
        return urn(project, stack, CloudflareOriginPool.TYPE + "$" + PROVIDER_TYPE, CloudflareOriginPool.PROVIDER_NAME);
    }

    public static String recordUrn(String project, String stack, String resourceName) {
        return urn(project, stack, CloudflareOriginPool.TYPE + "$" + DNS_RECORD_TYPE, resourceName);
    }

    /** Every record of this stack, as a URN pattern for {@code pulumi up --exclude}. */
    public static String recordUrnPattern(String project, String stack) {
        return recordUrn(project, stack, "*");
    }

    /**
     * The shell commands, in order: record the choice, a first up without the records, import every record, look,
     * apply. {@code zoneId} blank leaves {@code <zoneId>} for the operator; each record id is always left to the
     * operator, named by the record's type, name and content.
     */
    public static List<String> commands(String project, String stack, String zoneId, List<DnsRecordPlan.PlannedRecord> records) {
        String zone = zoneId.isBlank() ? "<zoneId>" : zoneId;
        String edge = componentUrn(project, stack);
        String provider = providerUrn(project, stack);
        List<String> out = new ArrayList<>();
        out.add("pulumi config set existingDnsRecords imported --stack " + stack);
        out.add("pulumi up --stack " + stack + " --exclude '" + recordUrnPattern(project, stack) + "'");
        for (DnsRecordPlan.PlannedRecord r : records) {
            out.add("pulumi import --stack " + stack + " --protect=false --generate-code=false"
                    + " --parent '" + CloudflareOriginPool.NAME + "=" + edge + "'"
                    + " --provider '" + CloudflareOriginPool.PROVIDER_NAME + "=" + provider + "'"
                    + " " + DNS_RECORD_TYPE + " " + r.resourceName()
                    + " '" + zone + "/<id of " + r.type() + " " + r.name() + " " + r.content() + ">'");
        }
        out.add("pulumi preview --stack " + stack + " --diff");
        out.add("pulumi up --stack " + stack);
        return List.copyOf(out);
    }

    /** Lists the ids of the zone's records of the types this stack publishes, as "type name content id". */
    public static String recordIdLookup(String zoneId, List<DnsRecordPlan.PlannedRecord> records) {
        String zone = zoneId.isBlank() ? "<zoneId>" : zoneId;
        Set<String> types = new LinkedHashSet<>();
        records.forEach(r -> types.add(r.type()));
        List<String> curls = new ArrayList<>();
        for (String type : types) {
            curls.add("curl -s -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" 'https://api.cloudflare.com/client/v4/zones/"
                    + zone + "/dns_records?type=" + type + "&per_page=100' | jq -r '.result[] | \"\\(.type) \\(.name) \\(.content) \\(.id)\"'");
        }
        return String.join("; ", curls);
    }

    /**
     * The problem shown at {@code existingDnsRecords} when a stack that publishes records has not said how they relate
     * to the zone: both answers in the message, every command of the import as its detail (a shell block).
     */
    public static String unsetMessage(String stack, String why, int records) {
        return "is required because " + why + ": this stack publishes " + records + " proxied records, and Cloudflare "
                + "refuses to create a record identical to one the zone already has, which pulumi up would find out only in "
                + "its last wave, after the whole cluster is built. Expected none (the zone has none of them; pulumi up "
                + "creates them: pulumi config set existingDnsRecords none --stack " + stack + ") or imported (they exist, "
                + "e.g. made by hand: adopt them with the commands below; the first up builds everything but the records, "
                + "which keep serving as they are, because pulumi import needs their parent component and Cloudflare "
                + "provider in the stack's state)";
    }

    /** The detail under {@link #unsetMessage}: the commands, how to find the record ids, what the preview must show. */
    public static List<String> unsetDetail(String project, String stack, String zoneId, List<DnsRecordPlan.PlannedRecord> records) {
        List<String> out = new ArrayList<>(commands(project, stack, zoneId, records));
        out.add("# record ids: " + recordIdLookup(zoneId, records));
        out.add("# the preview before the last up must show no record to create or replace, only an update of each "
                + "record's comment (and of tags or ttl set by hand). docs/edge.md, \"Adopting records that already exist\"");
        return List.copyOf(out);
    }
}
