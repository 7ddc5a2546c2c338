package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.config.ConfigProblem;
import com.honeydue.infra.config.ConfigValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class 2 of the hostile-config issue: no config value may become a second script argument or k3s flag. Every key
 * whose value reaches a node script (a RemoteStep parameter, a k3s flag, a UFW rule, the SSH connection) gets each
 * payload appended to a valid value, and validation must refuse it, naming that key. The plans' own guards are the
 * second line: tested directly below.
 */
class ScriptBoundValuesTest {
    static final List<String> PAYLOADS = List.of("\n--token=stolen", " --datastore-endpoint=x", "\r--x", "\t--x", "'", "\"",
            "$(id)", "`id`", ";reboot", "\u0000", "\u202E", "\\");

    private static final String N1 = "alias=ovhcloud1 ipv4=51.81.83.33 k8sName=vps-1624d691";
    private static final String N3 = "alias=ovhcloud3 ipv4=51.81.85.248 k8sName=vps-dbca24c7";

    /** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
    private static String q(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** key → (overrides for a payload, the key the problem must name). */
    record Target(String key, java.util.function.Function<String, Map<String, String>> overrides, String problemKey) {}

    private static Target scalar(String key, String valid, String... extra) {
        return new Target(key, p -> with(Map.of(key, q(valid + p)), extra), key);
    }

    private static Map<String, String> with(Map<String, String> base, String... extra) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        return m;
    }

    private static Target node(String field, String entryWith) {
        return new Target("nodes[1]." + field, p -> Map.of("nodes", "[" + q(N1) + ", " + q(entryWith.replace("@", p)) + ", " + q(N3) + "]"),
                "nodes[1]");
    }

    private static Target listEntry(String key, String valid, String... extra) {
        return new Target(key + "[0]", p -> with(Map.of(key, "[" + q(valid + p) + "]"), extra), key + "[0]");
    }

    static final List<Target> TARGETS = List.of(
            node("alias", "alias=ovhcloud2@ ipv4=51.81.87.86 k8sName=vps-c0f51be2"),
            node("ipv4", "alias=ovhcloud2 ipv4=51.81.87.86@ k8sName=vps-c0f51be2"),
            node("ipv6", "alias=ovhcloud2 ipv4=51.81.87.86 ipv6=2604:2dc0:101:200::30d4@ k8sName=vps-c0f51be2"),
            node("k8sName", "alias=ovhcloud2 ipv4=51.81.87.86 k8sName=vps-c0f51be2@"),
            scalar("sshUser", "ubuntu"),
            scalar("k3sVersion", "v1.34.6+k3s1"),
            scalar("k3sInstallerUrl", "https://get.k3s.io"),
            scalar("flannelBackend", "vxlan"),
            scalar("kubeProxyMode", "ipvs"),
            scalar("etcdSnapshotCron", "0 */12 * * *"),
            scalar("etcdSnapshotRetention", "5"),
            scalar("nodeReadyTimeoutSeconds", "600"),
            scalar("sshDialErrorLimit", "60"),
            scalar("sshPerDialTimeoutSeconds", "20"),
            scalar("etcdS3Endpoint", "s3.us-east-005.backblazeb2.com", "etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd"),
            scalar("etcdS3Region", "us-east-005", "etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd"),
            scalar("etcdS3Bucket", "honeydue-etcd", "etcdS3Enabled", "true"),
            scalar("etcdS3Folder", "etcd-ovh", "etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd"),
            scalar("etcdRestoreSnapshot", "etcd-snapshot-1", "etcdRestoreConfirm", "ovh:etcd-snapshot-1"),
            scalar("initialServer", "ovhcloud1"),
            scalar("joinTarget", "ovhcloud1"),
            listEntry("adminCidrs", "203.0.113.0/24", "restrictApiServer", "true"),
            listEntry("extraFirewallRules", "9100/tcp from 10.0.0.0/8"),
            listEntry("cloudflareIpv4Ranges", "173.245.48.0/20"),
            listEntry("cloudflareIpv6Ranges", "2400:cb00::/32"),
            scalar("smokeCheckHost", "api.myhoneydue.com"),
            scalar("smokeCheckAttempts", "30"),
            scalar("smokeCheckDelaySeconds", "10"));

    static Stream<Arguments> everyKeyTimesEveryPayload() {
        List<Arguments> out = new ArrayList<>();
        for (Target t : TARGETS) {
            for (String p : PAYLOADS) {
                out.add(Arguments.of(t.key(), p, t));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyKeyTimesEveryPayload")
    void aPayloadInAnyScriptBoundValueIsRefusedAtValidationNamingTheKey(String key, String payload, Target target) {
        ConfigValidationException e = ConfigOverrides.failure("ovh", target.overrides().apply(payload));
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .as("%s with %s", key, com.honeydue.infra.values.Shown.value(payload))
                .anySatisfy(k -> assertThat(k).startsWith(target.problemKey()));
    }

    @Test
    void theValidValuesAreAcceptedSoEachRefusalAboveIsTheirPayloads() {
        for (Target t : TARGETS) {
            assertThat(ConfigOverrides.load("ovh", t.overrides().apply(""))).as(t.key()).isNotNull();
        }
    }

    @Test
    void theFlagGuardRefusesAFlagThatWouldSplitOrIsNotAFlag() {
        assertThat(K3sServerFlags.checked(List.of("server", "--etcd-snapshot-schedule-cron=0 */12 * * *"))).hasSize(2);
        for (String bad : List.of("--etcd-s3-region=x\n--token=stolen", "--x=a\rb", "token=x", "--x=\u0000", "--x=é")) {
            assertThatThrownBy(() -> K3sServerFlags.checked(List.of("server", bad)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("internal error");
        }
        assertThatThrownBy(() -> K3sServerFlags.checked(List.of("agent"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theUfwGuardRefusesARuleThatWouldSplitIntoOtherWordsOrLines() {
        assertThat(new UfwRule("allow from 2400:cb00::/32 to any port 443 proto tcp", "ok").args()).isNotEmpty();
        for (String bad : List.of("allow from 10.0.0.0/8\nallow 22/tcp", "allow  22/tcp", "allow from $(id) to any port 1 proto tcp",
                "allow 22/tcp;reboot", "allow 22/tcp ")) {
            assertThatThrownBy(() -> new UfwRule(bad, "bad")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theParameterGuardKeepsNulCarriageReturnsAndLineBreaksOutOfSingleLineParameters() {
        RemoteStep.checkParameter("K3S_CONFIG", "cluster-init: true\nnode-ip: \"1.2.3.4\"");
        for (String bad : List.of("a\nb", "a\rb", "a\u0000b", "a\u001B[2Jb", "é")) {
            assertThatThrownBy(() -> RemoteStep.checkParameter("NODE_NAME", bad)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> RemoteStep.checkParameter("K3S_CONFIG", "a: 1\r\nb: 2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RemoteStep.checkParameter("bad-name", "x")).isInstanceOf(IllegalStateException.class);
    }
}
