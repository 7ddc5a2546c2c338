package com.honeydue.infra.cluster;

import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster layer's typed config, with the provider profile's defaults already resolved. */
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
    public static final String POD_CIDR = "10.42.0.0/16";
    public static final String SERVICE_CIDR = "10.43.0.0/16";

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

    public boolean wireguard() {
        return flannelBackend.startsWith("wireguard");
    }
}
