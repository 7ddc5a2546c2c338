package com.honeydue.infra.cluster;

import com.honeydue.infra.values.FirewallRuleSpec;
import java.util.List;

/**
 * @param httpAllowedCidrs sources allowed on 80/443 on every node; empty = the world. The edge layer supplies
 *                         Cloudflare's ranges here, the same list its Traefik allow-list uses.
 * @param componentRules   node openings other components need (node-exporter scrapes), applied like extra rules
 */
public record K3sNodeGroupArgs(ClusterConfig config, List<String> httpAllowedCidrs, List<FirewallRuleSpec> componentRules) {
    public K3sNodeGroupArgs {
        httpAllowedCidrs = List.copyOf(httpAllowedCidrs);
        componentRules = List.copyOf(componentRules);
    }

    public K3sNodeGroupArgs(ClusterConfig config, List<String> httpAllowedCidrs) {
        this(config, httpAllowedCidrs, List.of());
    }
}
