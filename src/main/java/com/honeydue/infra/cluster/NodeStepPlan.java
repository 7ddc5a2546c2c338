package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the {@link RemoteStep}s of one node from config: pure, so each step's text is unit-testable. */
public final class NodeStepPlan {
    /** Runbook §2 host packages. */
    public static final List<String> PACKAGES = List.of("fail2ban", "unattended-upgrades", "open-iscsi", "curl", "ufw");

    private NodeStepPlan() {}

    public static RemoteStep bootstrap(ClusterConfig c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PACKAGES", String.join(" ", PACKAGES));
        env.put("SSH_USER", c.sshUser());
        env.put("UNPRIVILEGED_PORT_START", c.unprivilegedPortStartZero() ? "0" : "");
        env.put("KUBE_PROXY_MODE", c.kubeProxyMode());
        return RemoteStep.of("bootstrap", "bootstrap.sh", env);
    }

    public static RemoteStep firewall(List<UfwRule> rules) {
        return RemoteStep.of("firewall", "firewall.sh",
                Map.of("UFW_RULES", rules.stream().map(UfwRule::args).collect(Collectors.joining("\n"))));
    }

    public static RemoteStep k3sServer(ClusterConfig c, NodeSpec node, Optional<String> joinTarget) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("K3S_VERSION", c.k3sVersion());
        env.put("K3S_CONFIG", K3sConfigFile.yaml(K3sServerFlags.forNode(c, node, joinTarget)));
        env.put("NODE_NAME", node.k8sName());
        env.put("READY_TIMEOUT_SECONDS", Integer.toString(c.nodeReadyTimeoutSeconds()));
        env.put("INSTALLER_URL", c.k3sInstallerUrl());
        env.put("JOIN", Boolean.toString(joinTarget.isPresent()));
        env.put("ETCD_S3", Boolean.toString(c.etcdS3().isPresent()));
        env.put("MANAGED_LABEL", MANAGED_LABEL);
        return RemoteStep.of("k3s-server", "k3s-server.sh", env);
    }

    /** The label the server step puts on its node; only nodes carrying it are ever removed by the program. */
    public static final String MANAGED_LABEL = "honeydue/managed";

    /** Created after the node's k3s is armed for removal; nothing runs on the node until it leaves (see delete). */
    public static RemoteStep k3sRemoval(NodeSpec node) {
        return RemoteStep.of("k3s-removal", "k3s-removal.sh", Map.of("NODE_NAME", node.k8sName()));
    }

    /** The k3s-removal step's delete: stop and uninstall k3s on a node that left the config (or on destroy). */
    public static RemoteStep k3sUninstall(NodeSpec node) {
        return RemoteStep.of("k3s-uninstall", "k3s-uninstall.sh", Map.of("NODE_NAME", node.k8sName()));
    }

    /** On the join target: drain and delete every managed node that is no longer one of {@code members}. */
    public static RemoteStep clusterMembers(ClusterConfig c, List<NodeSpec> members) {
        return RemoteStep.of("cluster-members", "cluster-members.sh", Map.of(
                "EXPECTED_NODES", members.stream().map(NodeSpec::k8sName).collect(Collectors.joining("\n")),
                "MANAGED_LABEL", MANAGED_LABEL,
                "DRAIN_TIMEOUT_SECONDS", Integer.toString(Math.min(300, c.nodeReadyTimeoutSeconds()))));
    }

    /** On the join target: k3s' packaged Traefik has its CRDs Established and has rolled out. */
    public static RemoteStep ingressReady(ClusterConfig c) {
        return RemoteStep.of("ingress-ready", "ingress-ready.sh",
                Map.of("TIMEOUT_SECONDS", Integer.toString(c.nodeReadyTimeoutSeconds())));
    }

    public static RemoteStep readNodeToken() {
        return RemoteStep.standalone("node-token", "read-node-token.sh", Map.of());
    }

    public static RemoteStep readKubeconfig(NodeSpec apiServer) {
        return RemoteStep.standalone("kubeconfig", "read-kubeconfig.sh", Map.of("API_SERVER_IPV4", apiServer.ipv4()));
    }

    /** One phase (stop, reset or rejoin) of an etcd snapshot restore on one node. */
    public static RemoteStep etcdRestore(ClusterConfig c, NodeSpec node, String phase, String snapshot) {
        return RemoteStep.of("etcd-restore-" + phase, "etcd-restore.sh", Map.of(
                "PHASE", phase,
                "NODE_NAME", node.k8sName(),
                "SNAPSHOT", snapshot,
                "READY_TIMEOUT_SECONDS", Integer.toString(c.nodeReadyTimeoutSeconds())));
    }
}
