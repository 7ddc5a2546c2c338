package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact {@code k3s server} arguments for one node (runbook §6.3/§6.4), in the runbook's order.
 * The join token is deliberately absent: it travels on stdin into a root-only file, never on a command line.
 */
public final class K3sServerFlags {
    /** Where a joining server's token is written (0600) before k3s starts. */
    public static final String TOKEN_FILE = "/etc/rancher/k3s/cluster-token";

    private K3sServerFlags() {}

    /**
     * @param joinTarget empty for the init node (--cluster-init); otherwise the IPv4 of a live server to join
     */
    public static List<String> forNode(ClusterConfig c, NodeSpec node, java.util.Optional<String> joinTarget) {
        List<String> f = new ArrayList<>();
        f.add("server");
        if (joinTarget.isEmpty()) {
            f.add("--cluster-init");
        } else {
            f.add("--server=https://" + joinTarget.get() + ":6443");
            f.add("--token-file=" + TOKEN_FILE);
        }
        // The Kubernetes node name is pinned so node labels and readiness waits target a known name.
        f.add("--node-name=" + node.k8sName());
        f.add("--node-ip=" + node.ipv4());
        f.add("--node-external-ip=" + node.ipv4());
        f.add("--advertise-address=" + node.ipv4());
        f.add("--flannel-backend=" + c.flannelBackend());
        if (c.flannelExternalIp()) {
            f.add("--flannel-external-ip");
        }
        f.add("--secrets-encryption");
        f.add("--write-kubeconfig-mode=0600");
        for (NodeSpec server : c.nodes()) {
            f.add("--tls-san=" + server.ipv4());
        }
        f.add("--disable-cloud-controller");
        if (!c.servicelb()) {
            f.add("--disable=servicelb");
        }
        if (!"iptables".equals(c.kubeProxyMode())) {
            f.add("--kube-proxy-arg=proxy-mode=" + c.kubeProxyMode());
        }
        f.add("--etcd-snapshot-schedule-cron=" + c.etcdSnapshotCron());
        f.add("--etcd-snapshot-retention=" + c.etcdSnapshotRetention());
        c.etcdS3().ifPresent(s3 -> {
            // The credentials are not flags: the step writes them to a root-only config drop-in from stdin.
            f.add("--etcd-s3");
            f.add("--etcd-s3-endpoint=" + s3.endpoint());
            if (!s3.region().isEmpty()) {
                f.add("--etcd-s3-region=" + s3.region());
            }
            f.add("--etcd-s3-bucket=" + s3.bucket());
            f.add("--etcd-s3-folder=" + s3.folder());
        });
        return checked(f);
    }

    /** What one flag may be: {@code server}, or {@code --name} / {@code --name=value} on one line of printable ASCII. */
    private static final java.util.regex.Pattern FLAG = java.util.regex.Pattern.compile("--[a-z0-9][a-z0-9-]*(=[\\x20-\\x7E]*)?");

    /**
     * The last guard before the flags become config.yaml (K3sConfigFile): every flag must be one line of printable
     * ASCII that starts with {@code --}, so no config value can ever become a second flag. Validation refuses such
     * values first; reaching this is an internal error.
     */
    static List<String> checked(List<String> flags) {
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            boolean ok = i == 0 ? flag.equals("server") : FLAG.matcher(flag).matches();
            if (!ok) {
                throw new IllegalStateException("internal error: k3s flag " + (i + 1) + " " + com.honeydue.infra.values.Shown.value(flag)
                        + " is not one --flag[=value] line of printable ASCII; a config value escaped validation");
            }
        }
        return List.copyOf(flags);
    }

}
