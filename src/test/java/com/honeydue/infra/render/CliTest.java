package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.cli.Main;
import com.honeydue.infra.config.RawConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli commands in-process against a temporary project directory. */
class CliTest {
    record Outcome(int code, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Path project(Path dir) throws IOException {
        Files.copy(StackFixtures.PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.copy(StackFixtures.PROJECT.resolve("Pulumi.ovh.yaml"), dir.resolve("Pulumi.ovh.yaml"));
        return dir;
    }

    @Test
    void aMissingStackFileExits2NamingTheFileAndTheKnownStacks(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "nope");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("error: no stack file", "Pulumi.nope.yaml", "stacks here: ovh");
    }

    @Test
    void aMalformedStackFileExits2SayingWhichFileAndWhere(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Files.writeString(project.resolve("Pulumi.broken.yaml"), "config:\n  honeydue-infra:provider: ovh\n   bad: [unclosed\n");
        Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "broken");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Pulumi.broken.yaml is not valid YAML", "line");
        assertThat(tmp.resolve("build")).doesNotExist();
    }

    @Test
    void anInvalidConfigExits2ListingEveryProblem(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Files.writeString(project.resolve("Pulumi.bad.yaml"), Files.readString(project.resolve("Pulumi.ovh.yaml"))
                .replace("provider: ovh", "provider: aws").replace("k3sVersion: v1.34.6+k3s1", "k3sVersion: latest"));
        Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "bad");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("stack 'bad' has 2 config problems", "honeydue-infra:provider", "honeydue-infra:k3sVersion");
    }

    @Test
    void renderWritesTheLayoutAndPrintsNothingSecret(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "ovh");
        assertThat(o.code()).as(o.err()).isZero();
        Path dir = project.resolve("build/render/ovh");
        for (String f : new String[] {"plan.json", "PLAN.md", "graph.svg", "dns.json", "k8s", "nodes/ovhcloud3/01-bootstrap.sh"}) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(o.err()).contains("render ovh: recorded", "wrote");
        assertThat(o.out()).contains("1 Kubernetes objects, 11 node steps");
        // Offline, the SSH key is the placeholder for the secret: it must reach neither the console nor a file.
        assertThat(o.out() + o.err()).doesNotContain(RawConfig.SECURE_PLACEHOLDER_PREFIX);
        assertThat(Files.readString(dir.resolve("plan.json"))).doesNotContain(RawConfig.SECURE_PLACEHOLDER_PREFIX);
    }

    @Test
    void diffOfTwoRendersExits0WhenIdenticalAnd1WithPathOldAndNewWhenAnInputChanged(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        assertThat(cli("render", "--project-dir", project.toString(), "--stack", "ovh", "--out", tmp.resolve("a").toString()).code()).isZero();
        assertThat(cli("render", "--project-dir", project.toString(), "--stack", "ovh", "--out", tmp.resolve("b").toString()).code()).isZero();
        Outcome same = cli("diff", tmp.resolve("a").toString(), tmp.resolve("b").toString());
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("no differences");

        Files.writeString(project.resolve("Pulumi.ovh.yaml"), Files.readString(project.resolve("Pulumi.ovh.yaml"))
                .replace("etcdSnapshotRetention: 5", "etcdSnapshotRetention: 7"));
        assertThat(cli("render", "--project-dir", project.toString(), "--stack", "ovh", "--out", tmp.resolve("c").toString()).code()).isZero();
        Outcome changed = cli("diff", tmp.resolve("a").toString(), tmp.resolve("c").toString());
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.out()).contains("cluster (honeydue:cluster:K3sNodeGroup)", "~ command:remote:Command ovhcloud1-k3s-init",
                "create.env.K3S_ARGS:", "- --etcd-snapshot-retention=5", "+ --etcd-snapshot-retention=7", "3 changed")
                .as("the script hash in triggers is noise").doesNotContainPattern("triggers\\[\\d+\\]");

        Outcome missing = cli("diff", tmp.resolve("a").toString(), tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no plan.json");
    }
}
