package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.values.NodeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallPlanTest {
    private static final ClusterConfig OVH = StackFixtures.config("ovh").cluster();
    private static final ClusterConfig PROD = StackFixtures.config("prod").cluster();

    private static List<String> args(ClusterConfig c, int node, List<String> http) {
        return FirewallPlan.forNode(c, c.nodes().get(node), http).stream().map(UfwRule::args).toList();
    }

    @Test
    void ovhNode2HasRunbookRulesInOrderWithPeersOnlyTheOtherTwo() {
        assertThat(args(OVH, 1, List.of())).containsExactly(
                "allow 22/tcp",
                "default deny incoming",
                "default allow outgoing",
                "allow 80/tcp",
                "allow 443/tcp",
                "allow 6443/tcp",
                "allow from 10.42.0.0/16",
                "allow from 10.43.0.0/16",
                "allow from 51.81.83.33 to any port 2379:2380 proto tcp",
                "allow from 51.81.83.33 to any port 10250 proto tcp",
                "allow from 51.81.83.33 to any port 51820 proto udp",
                "allow from 51.81.83.33 to any port 8472 proto udp",
                "allow from 51.81.85.248 to any port 2379:2380 proto tcp",
                "allow from 51.81.85.248 to any port 10250 proto tcp",
                "allow from 51.81.85.248 to any port 51820 proto udp",
                "allow from 51.81.85.248 to any port 8472 proto udp",
                "--force enable");
    }

    @Test
    void sshIsFirstAndEnableIsLastOnEveryNode() {
        for (ClusterConfig c : List.of(OVH, PROD)) {
            for (int i = 0; i < c.nodes().size(); i++) {
                List<String> rules = args(c, i, List.of("173.245.48.0/20"));
                assertThat(rules.get(0)).isEqualTo("allow 22/tcp");
                assertThat(rules.get(rules.size() - 1)).isEqualTo("--force enable");
                assertThat(rules.indexOf("allow 22/tcp")).isLessThan(rules.indexOf("--force enable"));
            }
        }
    }

    @Test
    void vxlanClusterGetsNoWireguardRule() {
        assertThat(args(PROD, 0, List.of())).noneMatch(r -> r.contains("51820"))
                .contains("allow from 178.105.32.198 to any port 8472 proto udp");
    }

    @Test
    void httpCidrsReplaceTheWorldOn80And443() {
        List<String> rules = args(OVH, 0, List.of("173.245.48.0/20", "2400:cb00::/32"));
        assertThat(rules).doesNotContain("allow 80/tcp", "allow 443/tcp").contains(
                "allow from 173.245.48.0/20 to any port 80 proto tcp",
                "allow from 2400:cb00::/32 to any port 80 proto tcp",
                "allow from 173.245.48.0/20 to any port 443 proto tcp",
                "allow from 2400:cb00::/32 to any port 443 proto tcp");
    }

    @Test
    void peerRulesNeverNameTheNodeItself() {
        for (int i = 0; i < OVH.nodes().size(); i++) {
            NodeSpec self = OVH.nodes().get(i);
            List<String> peerSources = args(OVH, i, List.of()).stream()
                    .filter(r -> r.startsWith("allow from ") && r.contains(" to any port ")).map(r -> r.split(" ")[2]).distinct().toList();
            assertThat(peerSources).hasSize(2).doesNotContain(self.ipv4());
        }
    }

    @Test
    void aRestrictedApiServerStillAdmitsThePeersAndThePodNetwork() {
        ClusterConfig restricted = com.honeydue.infra.ConfigOverrides.load("ovh", java.util.Map.of(
                "restrictApiServer", "true", "adminCidrs", "['203.0.113.7/32']")).cluster();
        List<String> rules = args(restricted, 0, List.of());
        assertThat(rules).doesNotContain("allow 6443/tcp").contains(
                "allow from 203.0.113.7/32 to any port 6443 proto tcp",
                "allow from 51.81.87.86 to any port 6443 proto tcp", "allow from 51.81.85.248 to any port 6443 proto tcp",
                "allow from 10.42.0.0/16");
        assertThat(rules).noneMatch(r -> r.equals("allow from 51.81.83.33 to any port 6443 proto tcp"));
    }

    @Test
    void everyProfileAdmitsThePodAndServiceNetworksSoIpvsClusterIpsAndHostEndpointsWork() {
        // Hetzner runs kube-proxy in IPVS mode: every ClusterIP (cluster DNS too) is local to each node, so pods'
        // packets to Services arrive on INPUT, where UFW's default deny would drop them (k3s' UFW guidance).
        for (String stack : List.of("prod", "ovh")) {
            ClusterConfig c = com.honeydue.infra.StackFixtures.config(stack).cluster();
            List<String> rules = args(c, 0, List.of());
            assertThat(rules).as(stack).contains("allow from 10.42.0.0/16", "allow from 10.43.0.0/16");
            assertThat(rules.indexOf("allow from 10.42.0.0/16")).as(stack).isLessThan(rules.indexOf("--force enable"));
        }
        assertThat(com.honeydue.infra.StackFixtures.config("prod").cluster().kubeProxyMode()).isEqualTo("ipvs");
    }
}
