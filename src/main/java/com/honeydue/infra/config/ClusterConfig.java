package com.honeydue.infra.config;

import java.util.List;
import java.util.Map;

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
        String k3sInstallerUrl) {

    public static final String REDIS_LABEL = "honeydue/redis";

    /** The node that bootstraps etcd with --cluster-init: the first in the list. */
    public NodeSpec initNode() {
        return nodes.get(0);
    }

    public boolean wireguard() {
        return flannelBackend.startsWith("wireguard");
    }
}
