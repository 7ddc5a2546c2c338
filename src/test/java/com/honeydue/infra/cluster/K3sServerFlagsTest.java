package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Table of exact k3s server argument lists, in the style of k3sup's join_test.go. */
class K3sServerFlagsTest {
    private static final ClusterConfig OVH = StackFixtures.config("ovh").cluster();
    private static final ClusterConfig PROD = StackFixtures.config("prod").cluster();

    @Test
    void ovhInitNodeMatchesRunbook63() {
        assertThat(K3sServerFlags.forNode(OVH, OVH.nodes().get(0), Optional.empty())).containsExactly(
                "server",
                "--cluster-init",
                "--node-name=vps-1624d691",
                "--node-ip=51.81.83.33",
                "--node-external-ip=51.81.83.33",
                "--advertise-address=51.81.83.33",
                "--flannel-backend=wireguard-native",
                "--flannel-external-ip",
                "--secrets-encryption",
                "--write-kubeconfig-mode=0600",
                "--tls-san=51.81.83.33",
                "--tls-san=51.81.87.86",
                "--tls-san=51.81.85.248",
                "--disable-cloud-controller",
                "--etcd-snapshot-schedule-cron=0 */12 * * *",
                "--etcd-snapshot-retention=5");
    }

    @Test
    void ovhJoinNodeMatchesRunbook64WithTokenFromFileNotArgv() {
        List<String> flags = K3sServerFlags.forNode(OVH, OVH.nodes().get(2), Optional.of("51.81.83.33"));
        assertThat(flags).containsExactly(
                "server",
                "--server=https://51.81.83.33:6443",
                "--token-file=/etc/rancher/k3s/cluster-token",
                "--node-name=vps-dbca24c7",
                "--node-ip=51.81.85.248",
                "--node-external-ip=51.81.85.248",
                "--advertise-address=51.81.85.248",
                "--flannel-backend=wireguard-native",
                "--flannel-external-ip",
                "--secrets-encryption",
                "--write-kubeconfig-mode=0600",
                "--tls-san=51.81.83.33",
                "--tls-san=51.81.87.86",
                "--tls-san=51.81.85.248",
                "--disable-cloud-controller",
                "--etcd-snapshot-schedule-cron=0 */12 * * *",
                "--etcd-snapshot-retention=5");
        assertThat(flags).noneMatch(f -> f.startsWith("--token="));
    }

    @Test
    void hetznerProfileDisablesServicelbUsesVxlanAndIpvs() {
        assertThat(K3sServerFlags.forNode(PROD, PROD.nodes().get(0), Optional.empty())).containsExactly(
                "server",
                "--cluster-init",
                "--node-name=ubuntu-8gb-nbg1-2",
                "--node-ip=178.104.247.152",
                "--node-external-ip=178.104.247.152",
                "--advertise-address=178.104.247.152",
                "--flannel-backend=vxlan",
                "--secrets-encryption",
                "--write-kubeconfig-mode=0600",
                "--tls-san=178.104.247.152",
                "--tls-san=178.105.32.198",
                "--tls-san=178.104.249.189",
                "--disable-cloud-controller",
                "--disable=servicelb",
                "--kube-proxy-arg=proxy-mode=ipvs",
                "--etcd-snapshot-schedule-cron=0 */12 * * *",
                "--etcd-snapshot-retention=5");
    }
}
