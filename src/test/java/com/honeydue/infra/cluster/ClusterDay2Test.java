package com.honeydue.infra.cluster;

import static com.honeydue.infra.cluster.K3sNodeGroupStackTest.env;
import static com.honeydue.infra.cluster.K3sNodeGroupStackTest.k3sArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Day-2 operations as config changes: compare the graph before and after. */
class ClusterDay2Test {
    private static final String CMD = "command:remote:Command";
    /** The ovh stack's three nodes (runbook §1) and two more for scale-out cases; NoUninstallOnChangeTest uses them too. */
    static final String N1 = "alias=ovhcloud1 ipv4=51.81.83.33 ipv6=2604:2dc0:101:200::5a9a k8sName=vps-1624d691";
    static final String N2 = "alias=ovhcloud2 ipv4=51.81.87.86 ipv6=2604:2dc0:101:200::30d4 k8sName=vps-c0f51be2";
    static final String N3 = "alias=ovhcloud3 ipv4=51.81.85.248 ipv6=2604:2dc0:101:200::450f k8sName=vps-dbca24c7";
    static final String N4 = "alias=ovhcloud4 ipv4=51.81.90.10 k8sName=vps-44444444";
    static final String N5 = "alias=ovhcloud5 ipv4=51.81.90.11 k8sName=vps-55555555";

    private static StackRun run(Map<String, String> overrides) {
        return MockStackRunner.run(ConfigOverrides.load("ovh", overrides));
    }

    private static String nodes(String... entries) {
        return "['" + String.join("', '", entries) + "']";
    }

    private static RecordedResource cmd(StackRun run, String name) {
        return run.named(CMD, name);
    }

    @Test
    void upgradeRollsServersOneAtATimeInJoinOrder() {
        StackRun after = run(Map.of("k3sVersion", "v1.35.1+k3s1"));
        var s1 = cmd(after, "ovhcloud1-k3s-server");
        var s2 = cmd(after, "ovhcloud2-k3s-server");
        var s3 = cmd(after, "ovhcloud3-k3s-server");
        assertThat(List.of(s1, s2, s3)).allSatisfy(s -> assertThat(env(s)).containsEntry("K3S_VERSION", "v1.35.1+k3s1"));
        // A chain: each server's step waits for the previous one, so at most one server restarts at a time.
        assertThat(s2.dependsOn()).contains(s1.urn());
        assertThat(s3.dependsOn()).contains(s2.urn()).doesNotContain(s1.urn());
        assertThat(s1.dependsOn()).doesNotContain(s2.urn(), s3.urn());
        // The script drains before and waits for Ready at the new version after.
        String script = s2.inputs().path("create").asText();
        assertThat(script).contains("kubectl drain", "kubeletVersion", "kubectl uncordon");
        assertThat(script.indexOf("kubectl drain")).isLessThan(script.indexOf("sh \"$installer\""));
    }

    @Test
    void addingNodesHardensAndJoinsThemAfterTheExistingOnesAndTouchesEveryPeer() {
        StackRun before = run(Map.of());
        StackRun after = run(Map.of("nodes", nodes(N1, N2, N3, N4, N5)));
        assertThat(after.ofType(CMD)).extracting(RecordedResource::name)
                .contains("ovhcloud4-bootstrap", "ovhcloud4-firewall", "ovhcloud4-k3s-server", "ovhcloud5-k3s-server");
        assertThat(cmd(after, "ovhcloud4-k3s-server").dependsOn()).contains(cmd(after, "ovhcloud3-k3s-server").urn());
        assertThat(cmd(after, "ovhcloud5-k3s-server").dependsOn()).contains(cmd(after, "ovhcloud4-k3s-server").urn());
        for (String peer : List.of("ovhcloud1", "ovhcloud2", "ovhcloud3")) {
            assertThat(env(cmd(before, peer + "-firewall")).get("UFW_RULES")).doesNotContain("51.81.90.10");
            assertThat(env(cmd(after, peer + "-firewall")).get("UFW_RULES"))
                    .contains("allow from 51.81.90.10 to any port 2379:2380 proto tcp", "allow from 51.81.90.11 to any port 10250 proto tcp");
            assertThat(k3sArgs(cmd(before, peer + "-k3s-server"))).doesNotContain("--tls-san=51.81.90.10");
            assertThat(k3sArgs(cmd(after, peer + "-k3s-server"))).contains("--tls-san=51.81.90.10", "--tls-san=51.81.90.11");
        }
    }

    @Test
    void removingANodeDropsItsStepsAndItsRulesFromEveryPeer() {
        StackRun after = run(Map.of("nodes", nodes(N1, N2, N3, N4, N5)));
        StackRun removed = run(Map.of("nodes", nodes(N1, N2, N4)));  // 5 -> 3 keeps an odd quorum
        assertThat(cmd(after, "ovhcloud3-k3s-server").inputs().has("delete")).as("a server step never uninstalls").isFalse();
        assertThat(cmd(after, "ovhcloud3-k3s-removal").inputs().path("delete").asText())
                .as("the node's removal step uninstalls k3s when it leaves").contains("k3s-uninstall.sh");
        // The members step, from a live server, drains and deletes the nodes that left.
        var members = cmd(removed, "cluster-members");
        assertThat(env(members).get("EXPECTED_NODES").split("\n")).containsExactly("vps-1624d691", "vps-c0f51be2", "vps-44444444");
        assertThat(members.inputs().path("create").asText()).contains("kubectl drain", "kubectl delete node");
        assertThat(members.inputs().path("connection").path("host").asText()).isEqualTo("51.81.83.33");
        assertThat(removed.ofType(CMD)).extracting(RecordedResource::name).noneMatch(n -> n.startsWith("ovhcloud3-"));
        assertThat(removed.ofType(CMD)).extracting(RecordedResource::name).noneMatch(n -> n.startsWith("ovhcloud5-"));
        for (String peer : List.of("ovhcloud1", "ovhcloud2", "ovhcloud4")) {
            assertThat(env(cmd(removed, peer + "-firewall")).get("UFW_RULES")).doesNotContain("51.81.85.248", "51.81.90.11");
            assertThat(k3sArgs(cmd(removed, peer + "-k3s-server"))).doesNotContain("51.81.85.248", "51.81.90.11");
        }
    }

    @Test
    void removalThatBreaksQuorumIsRefused() {
        var e = ConfigOverrides.failure("ovh", Map.of("nodes", nodes(N1, N2)));
        assertThat(e.getMessage()).contains("honeydue-infra:nodes").contains("odd number of at least 3");
        var even = ConfigOverrides.failure("ovh", Map.of("nodes", nodes(N1, N2, N3, N4)));
        assertThat(even.getMessage()).contains("has 4 servers");
    }

    @Test
    void theFirstServerCanBeReplacedByNamingAnotherLiveServerAsJoinTarget() {
        StackRun replaced = run(Map.of("nodes", nodes(N2, N3, N4), "joinTarget", "ovhcloud2",
                "nodeLabels", "['vps-c0f51be2:honeydue/redis=true']"));
        assertThat(replaced.ofType(CMD)).noneMatch(r -> k3sArgs(r).contains("--cluster-init"));
        var s2 = cmd(replaced, "ovhcloud2-k3s-server");
        var s4 = cmd(replaced, "ovhcloud4-k3s-server");
        assertThat(k3sArgs(s4)).contains("--server=https://51.81.87.86:6443");
        assertThat(cmd(replaced, "node-token").inputs().path("connection").path("host").asText()).isEqualTo("51.81.87.86");
        assertThat(cmd(replaced, "kubeconfig").inputs().path("connection").path("host").asText()).isEqualTo("51.81.87.86");
        assertThat(s4.dependsOn()).contains(cmd(replaced, "ovhcloud3-k3s-server").urn());
        assertThat(cmd(replaced, "ovhcloud3-k3s-server").dependsOn()).contains(s2.urn());
        // Without a join target the same change is refused: the initial server is gone.
        var e = ConfigOverrides.failure("ovh", Map.of("nodes", nodes(N2, N3, N4), "nodeLabels", "['vps-c0f51be2:honeydue/redis=true']"));
        assertThat(e.getMessage()).contains("honeydue-infra:joinTarget").contains("must name a live server");
    }

    @Test
    void restoreWithoutConfirmationIsRefusedBeforeAnythingRuns() {
        var e = ConfigOverrides.failure("ovh", Map.of("etcdRestoreSnapshot", "etcd-snapshot-vps-1624d691-1767225600"));
        assertThat(e.getMessage()).contains("honeydue-infra:etcdRestoreConfirm")
                .contains("must be exactly 'ovh:etcd-snapshot-vps-1624d691-1767225600'");
        var wrongStack = ConfigOverrides.failure("ovh", Map.of("etcdRestoreSnapshot", "snap-1",
                "etcdRestoreConfirm", "prod:snap-1"));
        assertThat(wrongStack.problems()).anySatisfy(p -> assertThat(p.key()).isEqualTo("etcdRestoreConfirm"));
    }

    @Test
    void confirmedRestoreStopsOthersResetsOneThenRejoinsOneAtATimeBeforeTheServerSteps() {
        StackRun run = run(Map.of("etcdRestoreSnapshot", "snap-1", "etcdRestoreConfirm", "ovh:snap-1"));
        var stop2 = cmd(run, "ovhcloud2-etcd-restore-stop");
        var stop3 = cmd(run, "ovhcloud3-etcd-restore-stop");
        var reset = cmd(run, "ovhcloud1-etcd-restore-reset");
        var rejoin2 = cmd(run, "ovhcloud2-etcd-restore-rejoin");
        var rejoin3 = cmd(run, "ovhcloud3-etcd-restore-rejoin");
        assertThat(stop2.dependsOn()).contains(cmd(run, "ovhcloud2-firewall").urn());
        assertThat(reset.dependsOn()).contains(stop2.urn(), stop3.urn());
        assertThat(env(reset)).containsEntry("PHASE", "reset").containsEntry("SNAPSHOT", "snap-1");
        assertThat(reset.inputs().path("create").asText()).contains("--cluster-reset-restore-path=");
        assertThat(rejoin2.dependsOn()).contains(reset.urn());
        assertThat(rejoin3.dependsOn()).contains(rejoin2.urn());
        // With quorum lost no server step could pass its wait for Ready: the restore comes first.
        assertThat(cmd(run, "ovhcloud1-k3s-server").dependsOn()).contains(rejoin3.urn());
        assertThat(cmd(run, "kubeconfig").dependsOn()).contains(cmd(run, "cluster-members").urn());
        assertThat(run(Map.of()).ofType(CMD)).noneMatch(r -> r.name().contains("etcd-restore"));
    }

    @Test
    void deadServersAreNeverContactedAndTheirNodesLeaveTheClusterFromALiveServer() {
        // Runbook §8, "2+ nodes dead": ovhcloud1 and ovhcloud2 are gone; restore on ovhcloud3.
        StackRun run = run(Map.of("deadServers", "['ovhcloud1', 'ovhcloud2']", "joinTarget", "ovhcloud3",
                "nodeLabels", "['vps-dbca24c7:honeydue/redis=true']",
                "etcdRestoreSnapshot", "snap-1", "etcdRestoreConfirm", "ovh:snap-1"));
        for (RecordedResource r : run.ofType(CMD)) {
            String host = r.inputs().path("connection").path("host").asText();
            if (!r.name().endsWith("-k3s-removal") && r.parent().endsWith("::cluster")) {
                assertThat(host).as(r.name() + " connects only to the live server").isEqualTo("51.81.85.248");
            }
        }
        for (String dead : List.of("ovhcloud1", "ovhcloud2")) {
            var removal = cmd(run, dead + "-k3s-removal");
            assertThat(removal.inputs().has("create")).as(dead + ": nothing runs there").isFalse();
            assertThat(removal.inputs().has("delete")).as(dead + ": dropping it from nodes runs nothing").isFalse();
            assertThat(run.ofType(CMD)).extracting(RecordedResource::name)
                    .doesNotContain(dead + "-bootstrap", dead + "-firewall", dead + "-k3s-server", dead + "-etcd-restore-stop");
        }
        assertThat(env(cmd(run, "cluster-members")).get("EXPECTED_NODES")).isEqualTo("vps-dbca24c7");
        assertThat(cmd(run, "ovhcloud3-etcd-restore-reset").dependsOn()).contains(cmd(run, "ovhcloud3-firewall").urn());
        assertThat(run.ofType(CMD)).extracting(RecordedResource::name).doesNotContain("ovhcloud3-etcd-restore-rejoin");
        // The app's smoke checks and the public DNS skip them too: a dead origin must get no request.
        assertThat(run.ofType(CMD)).extracting(RecordedResource::name).contains("ovhcloud3-smoke-check")
                .doesNotContain("ovhcloud1-smoke-check", "ovhcloud2-smoke-check");
        assertThat(run.ofType("cloudflare:index/dnsRecord:DnsRecord")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.inputs().path("content").asText()).isEqualTo("51.81.85.248"));
        // Peers' firewalls and SANs keep the dead servers: a replacement box at the same address rejoins as before.
        assertThat(k3sArgs(cmd(run, "ovhcloud3-k3s-server"))).contains("--tls-san=51.81.83.33");
    }

    @Test
    void deadServersMustBeInNodesLeaveALiveJoinTargetAndCarryNoLabel() {
        var e = ConfigOverrides.failure("ovh", Map.of("deadServers", "['ovhcloud1', 'ovhcloud9']"));
        assertThat(e.getMessage()).contains("honeydue-infra:deadServers[1]: 'ovhcloud9' is not in nodes",
                "honeydue-infra:joinTarget: is ovhcloud1, which deadServers lists",
                "honeydue-infra:nodeLabels: puts labels on vps-1624d691, which deadServers lists");
        var all = ConfigOverrides.failure("ovh", Map.of("deadServers", "['ovhcloud1', 'ovhcloud2', 'ovhcloud3']"));
        assertThat(all.getMessage()).contains("honeydue-infra:deadServers: lists every server");
    }

    @Test
    void etcdSnapshotsCanAlsoGoToS3WithCredentialsOnlyOnStdin() {
        StackRun run = run(Map.of("etcdS3Enabled", "true", "etcdS3Bucket", "honeydue-etcd"));
        for (String node : List.of("ovhcloud1", "ovhcloud2", "ovhcloud3")) {
            var step = cmd(run, node + "-k3s-server");
            assertThat(k3sArgs(step)).contains("--etcd-s3", "--etcd-s3-endpoint=s3.us-east-005.backblazeb2.com",
                    "--etcd-s3-region=us-east-005", "--etcd-s3-bucket=honeydue-etcd", "--etcd-s3-folder=etcd-ovh")
                    .doesNotContain("access-key", "secret-key");
            assertThat(env(step)).containsEntry("ETCD_S3", "true");
            assertThat(step.secretPaths()).as(node + ": the credentials travel on stdin, as a secret").contains("/stdin");
        }
        assertThat(cmd(run(Map.of()), "ovhcloud1-k3s-server").inputs().has("stdin"))
                .as("an initial server without S3 reads nothing on stdin").isFalse();
        var e = ConfigOverrides.failure("ovh", Map.of("etcdS3Enabled", "true"));
        assertThat(e.getMessage()).contains("honeydue-infra:etcdS3Bucket").contains("S3 bucket name");
    }
}
