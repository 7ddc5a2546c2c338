package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stack files a careless or hostile operator might write, through the whole program under the mock engine: each
 * must stop before any resource reaches the engine, naming the key and the expected form. One group per class of
 * the hostile-config issue; the cases are this project's own, not the hidden ones.
 */
class HostileConfigMatrixTest {
    private static final String N1 = "alias=ovhcloud1 ipv4=51.81.83.33 k8sName=vps-1624d691";
    private static final String N2 = "alias=ovhcloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2";
    private static final String N3 = "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-dbca24c7";

    /** The three ovh nodes with the middle one replaced: a YAML flow list, each entry single-quoted. */
    private static String middle(String entry) {
        return "['" + N1 + "', '" + entry.replace("'", "''") + "', '" + N3 + "']";
    }

    /** A YAML double-quoted string, so control characters can be written as escapes. */
    private static String dq(String s) {
        return "\"" + s + "\"";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---------------------------------------------------------------- 1. values become paths
                bad("alias climbing out of the out dir", Map.of("nodes", middle("alias=../../etc/cron.d ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "lower-case letters, digits and '-'"),
                bad("absolute alias", Map.of("nodes", middle("alias=/tmp/owned ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "1 to 63 characters"),
                bad("empty alias", Map.of("nodes", middle("alias= ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "lower-case letters"),
                bad("alias with a NUL byte", Map.of("nodes", "['" + N1 + "', " + dq("alias=ovh\\0cloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2") + ", '" + N3 + "']"),
                        "nodes[1].alias", "\\u0000"),
                bad("alias with a right-to-left override", Map.of("nodes", "['" + N1 + "', " + dq("alias=ovh\\u202Ecloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2") + ", '" + N3 + "']"),
                        "nodes[1].alias", "\\u202E"),
                bad("alias with a command substitution", Map.of("nodes", middle("alias=$(reboot) ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "lower-case letters"),
                bad("alias of 200 characters", Map.of("nodes", middle("alias=" + "n".repeat(200) + " ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "(200 chars)"),
                bad("upper-case alias (case-insensitive file systems)", Map.of("nodes", middle("alias=OvhCloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2")),
                        "nodes[1].alias", "lower-case"),
                bad("node name of 64 characters", Map.of("nodes", middle("alias=ovhcloud2 ipv4=51.81.87.86 k8sName=" + "v".repeat(64))),
                        "nodes[1].k8sName", "at most 63 characters"),
                bad("node name with an empty label", Map.of("nodes", middle("alias=ovhcloud2 ipv4=51.81.87.86 k8sName=vps..c0f51be2")),
                        "nodes[1].k8sName", "RFC 1123"),
                // ---------------------------------------------------------------- 2. a value becomes a flag
                bad("etcd S3 region carrying a second k3s flag", Map.of("etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd",
                        "etcdS3Region", dq("us-east-005\\n--token=stolen")), "etcdS3Region", "letters, digits"),
                bad("cron carrying a second line", Map.of("etcdSnapshotCron", dq("0 */12 * *\\n*")), "etcdSnapshotCron", "5-field cron"),
                bad("cron with a tab", Map.of("etcdSnapshotCron", dq("0\\t*/12 * * *")), "etcdSnapshotCron", "separated by spaces"),
                bad("S3 folder with a space and a flag", Map.of("etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd",
                        "etcdS3Folder", "'etcd --datastore-endpoint=x'"), "etcdS3Folder", "folder name"),
                bad("installer URL with a quote and a subshell", Map.of("k3sInstallerUrl", "\"https://get.k3s.io/'$(id)'\""),
                        "k3sInstallerUrl", "https:// URL"),
                bad("extra firewall rule with a second rule on a new line", Map.of("extraFirewallRules", "[" + dq("9100/tcp\\nallow 22/tcp") + "]"),
                        "extraFirewallRules[0]", "<port>[:<port>]/<tcp|udp>"),
                // ---------------------------------------------------------------- 3. crashes and half-written output
                bad("image of 50 000 characters (regex recursion before)", Map.of("webImage",
                        "gitea.treytartt.com/" + "ab-".repeat(16_000) + "x@sha256:" + "a1b2c3d4".repeat(8)), "webImage", "(48"),
                bad("agent image of 50 000 characters", Map.of("alloyImage", "grafana/" + "a.".repeat(25_000) + "x:v1@sha256:"
                        + "a1b2c3d4".repeat(8)), "alloyImage", "at most 1024 characters"),
                bad("node label key of 985 characters", Map.of("nodeLabels", "['vps-1624d691:honeydue/redis=true', 'vps-c0f51be2:"
                        + "a.".repeat(490) + "x/k=v']"), "nodeLabels[1]", "Kubernetes label"),
                // ---------------------------------------------------------------- 4. numbers and addresses by hand
                bad("port beyond 32 bits (would wrap to 587)", Map.of("smtpPort", "4294967883"), "smtpPort", "out of range"),
                bad("port written with a plus sign", Map.of("postgresPort", "'+5432'"), "postgresPort", "no '+'"),
                bad("replicas in Devanagari digits", Map.of("webReplicas", "'३'"), "webReplicas", "ASCII digits"),
                bad("CIDR prefix with a plus sign", Map.of("extraFirewallRules", "['9100/tcp from 10.0.0.0/+8']"),
                        "extraFirewallRules[0]", "no sign"),
                bad("CIDR prefix in Arabic-Indic digits", Map.of("adminCidrs", "['203.0.113.0/٢٤']"), "adminCidrs[0]", "ASCII digits"),
                bad("CIDR with leading-zero octets", Map.of("obsEndpointCidrs", "['010.0.0.1/32']"), "obsEndpointCidrs[0]", "IPv4 CIDR"),
                bad("node at the unspecified address", Map.of("nodes", middle("alias=ovhcloud2 ipv4=0.0.0.0 k8sName=vps-c0f51be2")),
                        "nodes[1].ipv4", "unspecified"),
                bad("node at the broadcast address", Map.of("nodes", middle("alias=ovhcloud2 ipv4=255.255.255.255 k8sName=vps-c0f51be2")),
                        "nodes[1].ipv4", "broadcast"),
                bad("node on loopback", Map.of("nodes", middle("alias=ovhcloud2 ipv4=127.0.0.2 k8sName=vps-c0f51be2")),
                        "nodes[1].ipv4", "loopback"),
                bad("node at a multicast IPv6 address", Map.of("nodes", "['" + N1 + " ipv6=ff02::1', '" + N2 + "', '" + N3 + "']"),
                        "nodes[0].ipv6", "multicast"),
                bad("the same IPv6 address spelled twice", Map.of("nodes", "['" + N1 + " ipv6=2604:2dc0:101:200::5a9a', '" + N2
                        + " ipv6=2604:2DC0:101:200:0:0:0:5A9A', '" + N3 + "']"), "nodes[1].ipv6", "duplicates nodes[0].ipv6"),
                bad("a field given twice in one node entry", Map.of("nodes", middle("alias=ovhcloud2 ipv4=51.81.87.86 ipv4=10.9.9.9 k8sName=vps-c0f51be2")),
                        "nodes[1].ipv4", "given twice in this entry"),
                bad("IPv4 in the inet_aton short form", Map.of("nodes", middle("alias=ovhcloud2 ipv4=51.81.22358 k8sName=vps-c0f51be2")),
                        "nodes[1].ipv4", "four octets"),
                // ---------------------------------------------------------------- 6. messages name the right key
                bad("a null entry is reported at its own index", Map.of("nodes", "['" + N1 + "', null, '" + N3 + "']"),
                        "nodes[1]", "got null"),
                bad("the entry after a null one keeps its index", Map.of("nodes", "['" + N1 + "', null, 'alias=ovhcloud3 ipv4=51.81.85 k8sName=vps-dbca24c7']"),
                        "nodes[2].ipv4", "four octets"),
                bad("a bad CIDR after a null one keeps its index", Map.of("adminCidrs", "[null, '10.0.0.0/8', '10.0.0.0/33']"),
                        "adminCidrs[2]", "not a CIDR"),
                bad("a number in a list of strings", Map.of("publicHostnames", "['api.myhoneydue.com', 443]"),
                        "publicHostnames[1]", "must be a string, got number"));
    }

    private static Arguments bad(String title, Map<String, String> overrides, String key, String expectedForm) {
        return Arguments.of(title, overrides, key, expectedForm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stopsBeforeAnyResourceWithTheKeyAndTheExpectedForm(String title, Map<String, String> overrides, String key,
                                                           String expectedForm) {
        String message = BadConfigMatrixTest.assertStopsBeforeAnyResource(title, overrides, key, expectedForm);
        assertThat(message).as(title + ": no value is repeated whole or raw").doesNotContain("\u0000", "\u202E", "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a");
    }
}
