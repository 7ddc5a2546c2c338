package com.honeydue.infra.cluster;

import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered UFW rules for one node (runbook §3, §6.2). SSH is allowed before anything else and
 * {@code ufw enable} is always last, so no ordering of this list can lock the operator out. Rules are written in
 * the canonical form {@code ufw show added} prints, so the firewall step can tell its own stale rules apart.
 */
public final class FirewallPlan {
    private static final String POD_CIDR = ClusterConfig.POD_CIDR;
    private static final String SERVICE_CIDR = ClusterConfig.SERVICE_CIDR;

    private FirewallPlan() {}

    /**
     * @param httpCidrs sources allowed on 80/443; empty means the world (the edge layer supplies Cloudflare's ranges)
     */
    public static List<UfwRule> forNode(ClusterConfig c, NodeSpec self, List<String> httpCidrs) {
        return forNode(c, self, httpCidrs, List.of());
    }

    /** @param componentRules openings other components need (e.g. node-exporter scrapes), before the operator's extras */
    public static List<UfwRule> forNode(ClusterConfig c, NodeSpec self, List<String> httpCidrs,
                                        List<FirewallRuleSpec> componentRules) {
        List<UfwRule> rules = new ArrayList<>();
        rules.add(new UfwRule("allow 22/tcp", "SSH, first so a re-run can never lock us out"));
        rules.add(new UfwRule("default deny incoming", "runbook §3"));
        rules.add(new UfwRule("default allow outgoing", "runbook §3"));
        for (String port : List.of("80", "443")) {
            if (httpCidrs.isEmpty()) {
                rules.add(new UfwRule("allow " + port + "/tcp", "HTTP(S) from the world"));
            } else {
                for (String cidr : httpCidrs) {
                    rules.add(new UfwRule("allow from " + cidr + " to any port " + port + " proto tcp", "HTTP(S) from the edge only"));
                }
            }
        }
        if (c.restrictApiServer()) {
            for (String cidr : c.adminCidrs()) {
                rules.add(new UfwRule("allow from " + cidr + " to any port 6443 proto tcp", "k3s API from admin CIDRs"));
            }
            // The cluster itself needs the API too: servers join and talk through 6443, and pods reach it through
            // the kubernetes Service, DNAT'd to a server's 6443 (from the pod network locally, masqueraded to the
            // node's address across nodes).
            for (NodeSpec peer : c.nodes()) {
                if (!peer.equals(self)) {
                    rules.add(new UfwRule("allow from " + peer.ipv4() + " to any port 6443 proto tcp", "k3s API from " + peer.alias()));
                }
            }
        } else {
            rules.add(new UfwRule("allow 6443/tcp", "k3s API from the world (token-protected)"));
        }
        // k3s' own UFW guidance, on every profile: admit the pod and service networks. A pod's packet to a Service
        // is DNAT'd before the filter; when the endpoint is on this node's own addresses it arrives on INPUT, where
        // the default deny would drop it. With kube-proxy in IPVS mode (Hetzner) that is EVERY ClusterIP, cluster
        // DNS included (IPVS binds them all to kube-ipvs0 on each node); with iptables it is every host-network
        // endpoint: the API server (the kubernetes Service), the kubelet (metrics-server), node-exporter, hostNetwork
        // Traefik. These sources only exist inside the cluster's overlay.
        rules.add(new UfwRule("allow from " + POD_CIDR, "the pod network: Services whose endpoints are on this node (IPVS: all)"));
        rules.add(new UfwRule("allow from " + SERVICE_CIDR, "the service network (k3s UFW guidance)"));
        for (NodeSpec peer : c.nodes()) {
            if (peer.equals(self)) {
                continue;
            }
            String ip = peer.ipv4();
            rules.add(new UfwRule("allow from " + ip + " to any port 2379:2380 proto tcp", "etcd client+peer from " + peer.alias()));
            rules.add(new UfwRule("allow from " + ip + " to any port 10250 proto tcp", "kubelet from " + peer.alias()));
            if (c.wireguard()) {
                rules.add(new UfwRule("allow from " + ip + " to any port 51820 proto udp", "flannel WireGuard from " + peer.alias()));
            }
            rules.add(new UfwRule("allow from " + ip + " to any port 8472 proto udp", "flannel VXLAN from " + peer.alias()));
        }
        for (FirewallRuleSpec rule : componentRules) {
            rules.add(allow(rule, "needed by a cluster component"));
        }
        for (FirewallRuleSpec extra : c.extraFirewallRules()) {
            rules.add(allow(extra, "extra rule from config"));
        }
        rules.add(new UfwRule("--force enable", "last: every allow is already in place"));
        return List.copyOf(rules);
    }

    private static UfwRule allow(FirewallRuleSpec rule, String why) {
        return new UfwRule("allow from " + rule.from().orElse("any") + " to any port " + rule.ports() + " proto " + rule.proto(), why);
    }
}
