package com.honeydue.infra.cluster;

import com.honeydue.infra.values.ClusterNetwork;
import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster layer's settings (runbook §3, §6, §8, §10), with the provider profile's defaults already resolved. The
 * stack builds it from config (stack/ClusterConfigLoader); a program that uses {@link K3sNodeGroup} as a library builds
 * it with {@link #builder()}. Node addresses may be left blank here and given to {@link K3sNodeGroupArgs} as Outputs.
 */
public record ClusterConfig(
        ProviderProfile profile,
        List<NodeSpec> nodes,
        String sshUser,
        Secret sshPrivateKey,
        int sshDialErrorLimit,
        int sshPerDialTimeoutSeconds,
        String k3sVersion,
        String flannelBackend,
        boolean flannelExternalIp,
        boolean servicelb,
        boolean traefikHostNetwork,
        boolean unprivilegedPortStartZero,
        String kubeProxyMode,
        String etcdSnapshotCron,
        int etcdSnapshotRetention,
        boolean restrictApiServer,
        List<String> adminCidrs,
        List<FirewallRuleSpec> extraFirewallRules,
        Map<String, Map<String, String>> nodeLabels,
        int nodeReadyTimeoutSeconds,
        String k3sInstallerUrl,
        Optional<NodeSpec> initialServer,
        NodeSpec joinTarget,
        Optional<String> etcdRestoreSnapshot,
        Optional<EtcdS3> etcdS3,
        List<NodeSpec> deadServers) {

    /** Off-site etcd snapshots (k3s --etcd-s3): where they go, and credentials that only travel as secrets. */
    public record EtcdS3(String endpoint, String region, String bucket, String folder, Secret accessKey, Secret secretKey) {}


    public static final String REDIS_LABEL = "honeydue/redis";
    /** k3s' default cluster (pod) and service CIDRs (runbook §3); every layer that filters traffic uses these. */
    public static final String POD_CIDR = ClusterNetwork.POD_CIDR;
    public static final String SERVICE_CIDR = ClusterNetwork.SERVICE_CIDR;

    /**
     * The live k3s servers in the order they start: the initial server (--cluster-init) if it is still in the list,
     * then the join target, then the rest in list order. Each waits for the one before it (one at a time).
     */
    public List<NodeSpec> serverOrder() {
        List<NodeSpec> order = new java.util.ArrayList<>();
        initialServer.filter(n -> !deadServers.contains(n)).ifPresent(order::add);
        if (!order.contains(joinTarget)) {
            order.add(joinTarget);
        }
        liveNodes().stream().filter(n -> !order.contains(n)).forEach(order::add);
        return List.copyOf(order);
    }

    /** The servers a step may SSH to: every node except those declared dead (runbook §8, 2+ nodes dead). */
    public List<NodeSpec> liveNodes() {
        return nodes.stream().filter(n -> !deadServers.contains(n)).toList();
    }

    public boolean isDead(NodeSpec node) {
        return deadServers.contains(node);
    }

    public boolean isInitialServer(NodeSpec node) {
        return initialServer.filter(node::equals).isPresent();
    }

    /** A library's way in: every setting has the documented default of Pulumi.yaml and the chosen provider profile. */
    public static ClusterConfigBuilder builder() {
        return new ClusterConfigBuilder();
    }

    /** The node with this alias (every node has a unique alias). */
    public NodeSpec node(String alias) {
        return nodes.stream().filter(n -> n.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node with alias " + alias));
    }

    /**
     * The same cluster with each node's IPv4 address replaced by the one given for its alias: how a
     * {@link K3sNodeGroup} plans its steps once addresses that other resources produce are known.
     */
    public ClusterConfig withAddresses(Map<String, String> ipv4ByAlias) {
        java.util.function.UnaryOperator<NodeSpec> at = n -> ipv4ByAlias.containsKey(n.alias())
                ? new NodeSpec(n.alias(), ipv4ByAlias.get(n.alias()), n.ipv6(), n.k8sName()) : n;
        return new ClusterConfig(profile, nodes.stream().map(at).toList(), sshUser, sshPrivateKey, sshDialErrorLimit,
                sshPerDialTimeoutSeconds, k3sVersion, flannelBackend, flannelExternalIp, servicelb, traefikHostNetwork,
                unprivilegedPortStartZero, kubeProxyMode, etcdSnapshotCron, etcdSnapshotRetention, restrictApiServer,
                adminCidrs, extraFirewallRules, nodeLabels, nodeReadyTimeoutSeconds, k3sInstallerUrl, initialServer.map(at),
                at.apply(joinTarget), etcdRestoreSnapshot, etcdS3, deadServers.stream().map(at).toList());
    }

    public boolean wireguard() {
        return flannelBackend.startsWith("wireguard");
    }
}
