package com.honeydue.infra.config;

import com.honeydue.infra.stack.StackConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.ConfigOverrides;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each bad stack file is rejected with a message naming the key and the expected form. */
class ClusterConfigValidationTest {
    private static final String N1 = "alias=ovhcloud1 ipv4=51.81.83.33 k8sName=vps-1624d691";
    private static final String N2 = "alias=ovhcloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2";
    private static final String N3 = "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-dbca24c7";

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("malformed IPv4", Map.of("nodes", "['" + N1 + "', '" + N2 + "', 'alias=ovhcloud3 ipv4=51.81.85.300 k8sName=vps-dbca24c7']"),
                        "nodes[2].ipv4", "four octets 0-255"),
                Arguments.of("duplicate IPv4", Map.of("nodes", "['" + N1 + "', '" + N2 + "', 'alias=ovhcloud3 ipv4=51.81.87.86 k8sName=vps-dbca24c7']"),
                        "nodes[2].ipv4", "duplicates nodes[1].ipv4"),
                Arguments.of("duplicate node name", Map.of("nodes", "['" + N1 + "', '" + N2 + "', 'alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-c0f51be2']"),
                        "nodes[2].k8sName", "duplicates nodes[1].k8sName"),
                Arguments.of("even server count", Map.of("nodes", "['" + N1 + "', '" + N2 + "', '" + N3 + "', 'alias=ovhcloud4 ipv4=51.81.85.249 k8sName=vps-4']"),
                        "nodes", "odd number of at least 3"),
                Arguments.of("two servers", Map.of("nodes", "['" + N1 + "', '" + N2 + "']", "nodeLabels", "['vps-1624d691:honeydue/redis=true']"),
                        "nodes", "odd number of at least 3"),
                Arguments.of("malformed IPv6", Map.of("nodes", "['" + N1 + " ipv6=2604:zz::1', '" + N2 + "', '" + N3 + "']"),
                        "nodes[0].ipv6", "not an IPv6 address"),
                Arguments.of("node entry without k8sName", Map.of("nodes", "['alias=ovhcloud1 ipv4=51.81.83.33', '" + N2 + "', '" + N3 + "']"),
                        "nodes[0].k8sName", "alias=<ssh alias> ipv4=<a.b.c.d>"),
                Arguments.of("misspelled node field", Map.of("nodes", "['alias=ovhcloud1 ipv4=51.81.83.33 k8sname=vps-1624d691', '" + N2 + "', '" + N3 + "']"),
                        "nodes[0]", "did you mean 'k8sName'"),
                Arguments.of("no node labelled for Redis", Map.of("nodeLabels", "[]"),
                        "nodeLabels", "labels no node with honeydue/redis=true"),
                Arguments.of("two Redis nodes", Map.of("nodeLabels", "['vps-1624d691:honeydue/redis=true', 'vps-c0f51be2:honeydue/redis=true']"),
                        "nodeLabels", "labels 2 nodes"),
                Arguments.of("label on a node not in the list", Map.of("nodeLabels", "['vps-1624d69:honeydue/redis=true']"),
                        "nodeLabels[0]", "did you mean 'vps-1624d691'"),
                Arguments.of("unknown provider profile", Map.of("provider", "hetzner-cloud"),
                        "provider", "is not one of hetzner, ovh"),
                Arguments.of("k3s version without +k3sN", Map.of("k3sVersion", "v1.34.6"),
                        "k3sVersion", "vX.Y.Z+k3sN"),
                Arguments.of("admin CIDR that does not parse", Map.of("adminCidrs", "['203.0.113.0/33']"),
                        "adminCidrs[0]", "is not a CIDR"),
                Arguments.of("6443 restricted with no admin CIDRs", Map.of("restrictApiServer", "true", "adminCidrs", "[]"),
                        "adminCidrs", "would close 6443 to everyone"),
                Arguments.of("admin CIDRs that lock the operator out", Map.of("restrictApiServer", "true",
                        "adminCidrs", "['198.51.100.0/24']", "operatorCidr", "203.0.113.7/32"),
                        "adminCidrs", "lock you out"),
                Arguments.of("etcd retention 0", Map.of("etcdSnapshotRetention", "0"),
                        "etcdSnapshotRetention", "whole number in 1..1000"),
                Arguments.of("malformed cron", Map.of("etcdSnapshotCron", "'every 12 hours'"),
                        "etcdSnapshotCron", "5-field cron"),
                Arguments.of("cron with an hour of 25", Map.of("etcdSnapshotCron", "'0 25 * * *'"),
                        "etcdSnapshotCron", "5-field cron"),
                Arguments.of("unknown key", Map.of("k3sVerison", "v1.34.6+k3s1"),
                        "k3sVerison", "did you mean 'k3sVersion'"),
                Arguments.of("extra rule that is not a rule", Map.of("extraFirewallRules", "['open 9100']"),
                        "extraFirewallRules[0]", "<port>[:<port>]/<tcp|udp>"),
                Arguments.of("extra rule that restricts SSH", Map.of("extraFirewallRules", "['22/tcp from 10.0.0.0/8']"),
                        "extraFirewallRules[0]", "SSH cannot be lost"),
                Arguments.of("klipper-lb and hostNetwork Traefik together", Map.of("servicelb", "'true'", "traefikHostNetwork", "'true'"),
                        "servicelb", "both bind :80/:443"),
                Arguments.of("bad flannel backend", Map.of("flannelBackend", "wireguard"),
                        "flannelBackend", "vxlan, wireguard-native or host-gw"),
                Arguments.of("profile switch that is not a boolean", Map.of("servicelb", "'yes'"),
                        "servicelb", "expected profile, true or false"),
                Arguments.of("ssh user with a space", Map.of("sshUser", "'de ploy'"),
                        "sshUser", "valid Unix user name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void rejectsWithKeyAndExpectedForm(String title, Map<String, String> overrides, String key, String expected) {
        ConfigValidationException e = ConfigOverrides.failure("ovh", overrides);
        assertThat(e.problems()).as(title).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.message()).contains(expected);
        });
        assertThat(e.getMessage()).contains("honeydue-infra:" + key).contains("nothing was changed");
    }

    @Test
    void reportsEveryProblemOfOneFileInOneRun() {
        ConfigValidationException e = ConfigOverrides.failure("ovh", Map.of(
                "k3sVersion", "latest", "etcdSnapshotRetention", "0", "provider", "aws", "k3sVerison", "x"));
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .contains("k3sVersion", "etcdSnapshotRetention", "provider", "k3sVerison");
    }

    @Test
    void missingSshKeyIsAnErrorUnderTheRealEngineButAPlaceholderOffline() {
        var raw = ConfigOverrides.raw("ovh", Map.of(), false);
        assertThatThrownBy(() -> StackConfigLoader.load(ConfigOverrides.schema(), raw))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("honeydue-infra:sshPrivateKey: is a required secret")
                .hasMessageContaining("pulumi config set --secret sshPrivateKey");
        assertThat(ConfigOverrides.load("ovh", Map.of()).cluster().sshPrivateKey().toString()).isEqualTo("[secret]");
    }

    @Test
    void committedStacksAreValid() {
        assertThat(ConfigOverrides.load("ovh", Map.of()).cluster().nodes()).hasSize(3);
        assertThat(ConfigOverrides.load("prod", Map.of()).cluster().nodes()).hasSize(3);
    }
}
