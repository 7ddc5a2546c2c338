package com.honeydue.infra.cluster;

import com.honeydue.infra.config.ClusterConfig;
import java.util.List;

/**
 * @param httpAllowedCidrs sources allowed on 80/443 on every node; empty = the world. The edge layer supplies
 *                         Cloudflare's ranges here, the same list its Traefik allow-list uses.
 */
public record K3sNodeGroupArgs(ClusterConfig config, List<String> httpAllowedCidrs) {
    public K3sNodeGroupArgs {
        httpAllowedCidrs = List.copyOf(httpAllowedCidrs);
    }
}
