package com.honeydue.infra.edge;

import com.honeydue.infra.values.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runbook §4 as data: for every public hostname, one proxied record per node address. Resource names come from
 * hostname + node alias (never a list position), so adding or removing a node adds or removes exactly its records
 * and leaves every other record untouched.
 */
public final class DnsRecordPlan {
    /** Cloudflare's "automatic" TTL; proxied records always use it. */
    public static final double AUTOMATIC_TTL = 1.0;

    /** One DNS record to register; {@code name} is the full hostname (Cloudflare stores it that way). */
    public record PlannedRecord(String resourceName, String name, String nodeAlias, String type, String content,
                                String comment) {}

    private DnsRecordPlan() {}

    public static List<PlannedRecord> plan(List<String> hostnames, List<NodeSpec> nodes, boolean ipv6Records, String stack) {
        List<PlannedRecord> out = new ArrayList<>();
        for (String host : hostnames) {
            for (NodeSpec node : nodes) {
                out.add(new PlannedRecord(resourceName(host, node.alias(), "A"), host, node.alias(), "A", node.ipv4(), comment(stack)));
                if (ipv6Records) {
                    node.ipv6().ifPresent(v6 -> out.add(new PlannedRecord(resourceName(host, node.alias(), "AAAA"), host,
                            node.alias(), "AAAA", v6, comment(stack))));
                }
            }
        }
        return List.copyOf(out);
    }

    /** e.g. {@code api.myhoneydue.com-ovhcloud1-a}: stable for as long as the hostname and the node's alias are. */
    public static String resourceName(String hostname, String nodeAlias, String type) {
        return hostname + "-" + nodeAlias + "-" + type.toLowerCase();
    }

    /** Shown in the Cloudflare dashboard, so nobody edits a record there that a stack will overwrite. */
    public static String comment(String stack) {
        return "managed by honeydue-infra stack " + stack;
    }
}
