package com.honeydue.infra.cluster;

import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.Net;
import com.honeydue.infra.values.NodeSpec;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link K3sNodeGroup} (runbook §6.2–§6.6) is built from: the cluster's settings ({@link ClusterConfig}, plain
 * values), and the values that may come from other resources as Outputs: each node's IPv4 address and the SSH key.
 * Defaults: a node's address is the one in the settings, the key is the settings' key, every node admits 80/443 from
 * anywhere, and no other component asks for a node opening.
 */
public final class K3sNodeGroupArgs {
    private final ClusterConfig cluster;
    private final Map<String, Output<String>> addresses;
    private final Output<String> sshPrivateKey;
    private final List<String> httpAllowedCidrs;
    private final List<FirewallRuleSpec> componentRules;

    private K3sNodeGroupArgs(Builder b) {
        this.cluster = b.cluster;
        this.httpAllowedCidrs = List.copyOf(b.httpAllowedCidrs);
        this.componentRules = List.copyOf(b.componentRules);
        Map<String, Output<String>> byAlias = new LinkedHashMap<>();
        for (NodeSpec n : cluster.nodes()) {
            Output<String> given = b.addresses.get(n.alias());
            if (given == null && n.ipv4().isEmpty()) {
                throw new IllegalArgumentException("node " + n.alias() + " has no address: give it in the cluster settings "
                        + "or with nodeAddress(\"" + n.alias() + "\", ...)");
            }
            byAlias.put(n.alias(), given != null ? given : Output.of(n.ipv4()));
        }
        b.addresses.keySet().stream().filter(a -> !byAlias.containsKey(a)).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("nodeAddress names " + a + ", which is not a node of the cluster");
        });
        this.addresses = byAlias;
        this.sshPrivateKey = b.sshPrivateKey.orElseGet(() -> {
            if (cluster.sshPrivateKey().isBlank()) {
                throw new IllegalArgumentException("sshPrivateKey is required: in the cluster settings or with sshPrivateKey(...)");
            }
            return cluster.sshPrivateKey().output();
        });
    }

    public static Builder builder(ClusterConfig cluster) {
        return new Builder(cluster);
    }

    /** The settings as planned before any address is known (names, order and roles never depend on addresses). */
    public ClusterConfig cluster() {
        return cluster;
    }

    /**
     * The settings with every node's address, once the addresses are known. An address that another resource produced
     * is checked here: it becomes a flag, a firewall rule and an SSH host, so it must be an IPv4 address.
     */
    public Output<ClusterConfig> resolvedCluster() {
        List<String> aliases = new ArrayList<>(addresses.keySet());
        return Output.all(aliases.stream().map(addresses::get).toList()).applyValue(values -> {
            Map<String, String> byAlias = new LinkedHashMap<>();
            for (int i = 0; i < aliases.size(); i++) {
                String ip = values.get(i) == null ? "" : values.get(i).strip();
                if (!Net.isIpv4(ip)) {
                    throw new IllegalArgumentException("node " + aliases.get(i) + ": its address " + com.honeydue.infra.values.Shown
                            .value(ip) + " is not an IPv4 address");
                }
                byAlias.put(aliases.get(i), ip);
            }
            return cluster.withAddresses(byAlias);
        });
    }

    public Output<String> sshPrivateKey() {
        return sshPrivateKey;
    }

    /** Sources allowed on 80/443 on every node; empty = the world. The stack passes Cloudflare's ranges. */
    public List<String> httpAllowedCidrs() {
        return httpAllowedCidrs;
    }

    /** Node openings other components need (node-exporter scrapes), applied like extra rules. */
    public List<FirewallRuleSpec> componentRules() {
        return componentRules;
    }

    public static final class Builder {
        private final ClusterConfig cluster;
        private final Map<String, Output<String>> addresses = new LinkedHashMap<>();
        private Optional<Output<String>> sshPrivateKey = Optional.empty();
        private List<String> httpAllowedCidrs = List.of();
        private List<FirewallRuleSpec> componentRules = List.of();

        private Builder(ClusterConfig cluster) {
            this.cluster = cluster;
        }

        /** The node's public IPv4 address as another resource's Output (a cloud server, a lookup). */
        public Builder nodeAddress(String alias, Output<String> ipv4) {
            addresses.put(alias, ipv4);
            return this;
        }

        /** The SSH private key as an Output (a secret, or a key another resource generated). */
        public Builder sshPrivateKey(Output<String> key) {
            this.sshPrivateKey = Optional.of(key.asSecret());
            return this;
        }

        public Builder httpAllowedCidrs(List<String> cidrs) {
            this.httpAllowedCidrs = cidrs;
            return this;
        }

        public Builder componentRules(List<FirewallRuleSpec> rules) {
            this.componentRules = rules;
            return this;
        }

        public K3sNodeGroupArgs build() {
            return new K3sNodeGroupArgs(this);
        }
    }
}
