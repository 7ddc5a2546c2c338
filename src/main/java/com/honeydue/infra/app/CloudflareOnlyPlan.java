package com.honeydue.infra.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Traefik's {@code cloudflare-only} middleware (an {@code ipAllowList} on the TCP peer address) can work,
 * and what it must admit. It matches the address Traefik sees, so it only works where that is the client's:
 * <ul>
 *   <li><b>hostNetwork Traefik</b> (Hetzner, {@code servicelb} off): Cloudflare connects to Traefik itself, the
 *       peer is a Cloudflare address. The middleware guards every route but the exempt {@code /api/health/}.
 *       The nodes' own IPv4s are admitted too: the on-node smoke check requests {@code http://<node IP>/} from
 *       the node, so its source is the node's address, and without them it would get 403.</li>
 *   <li><b>klipper-lb</b> (OVH, {@code servicelb} on): the svclb pod DNATs to the Traefik Service and
 *       MASQUERADEs, so Traefik sees a 10.42.x.x pod address for every request and the allow-list would answer
 *       403 to all of them. No {@code ipStrategy} helps: the only header carrying the client is one Traefik
 *       discards from untrusted peers (and a client could forge it). There the L4 filter does the job: the
 *       Traefik Service's {@code loadBalancerSourceRanges} (HoneyDueStack.traefikValues), which svclb enforces
 *       on the real source before it rewrites it. So no middleware is registered or attached on klipper-lb.</li>
 * </ul>
 */
public final class CloudflareOnlyPlan {
    private CloudflareOnlyPlan() {}

    /**
     * @return the middleware's source ranges (the Cloudflare list, then each node's /32), or empty when no
     *         middleware is to exist: the allow-list is off, or Traefik cannot see client addresses
     */
    public static Optional<List<String>> sourceRange(List<String> cloudflareAllowList, List<String> nodeIpv4s,
                                                     boolean traefikSeesClientAddress) {
        if (cloudflareAllowList.isEmpty() || !traefikSeesClientAddress) {
            return Optional.empty();
        }
        List<String> ranges = new ArrayList<>(cloudflareAllowList);
        nodeIpv4s.forEach(ip -> ranges.add(ip + "/32"));
        return Optional.of(List.copyOf(ranges));
    }
}
