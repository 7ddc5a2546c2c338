package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.cli.Main;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
        for (String f : new String[] {"plan.json", "PLAN.md", "graph.svg", "dns.json", "k8s", "nodes/ovhcloud3/01-bootstrap.sh",
                "nodes/ovhcloud3/04-k3s-server.sh", "nodes/ovhcloud3/03-k3s-removal.delete.sh"}) {
            assertThat(dir.resolve(f)).exists();
        }
        List<String> written = tree(dir);
        long k8s = written.stream().filter(f -> f.startsWith("k8s/") && f.endsWith(".yaml")).count();
        long steps = written.stream().filter(Renderer::isStepScript).count();
        int dns = CanonicalJson.MAPPER.readTree(dir.resolve("dns.json").toFile()).size();
        assertThat(k8s).isPositive();
        assertThat(dns).isPositive();
        assertThat(steps).as("bootstrap, firewall, k3s removal, k3s server and smoke check per node; the token, members, "
                + "kubeconfig and ingress-ready steps; no delete scripts")
                .isEqualTo(5L * StackFixtures.config("ovh").cluster().nodes().size() + 4);
        assertThat(o.err()).contains("render ovh: recorded", "wrote " + written.size() + " files");
        assertThat(o.out()).contains(k8s + " Kubernetes objects, " + steps + " node steps, " + dns + " DNS records");
        // Offline, every secret (the SSH key, the Cloudflare token...) is a placeholder: it must reach neither the
        // console nor any file. Non-secret placeholders (the zone id) may show: they are config, not secrets.
        List<String> secretPlaceholders = ConfigOverrides.schema().declarations().values().stream()
                .filter(ConfigSchema.Declaration::holdsSecret).map(d -> RawConfig.placeholderFor(d.key())).toList();
        assertThat(secretPlaceholders).contains(RawConfig.placeholderFor("sshPrivateKey"));
        for (String p : secretPlaceholders) {
            assertThat(o.out() + o.err()).doesNotContain(p);
            for (String f : written) {
                assertThat(Files.readString(dir.resolve(f))).as(f).doesNotContain(p);
            }
        }
    }

    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
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
        int servers = StackFixtures.config("ovh").cluster().nodes().size();
        assertThat(changed.out()).contains("cluster (honeydue:cluster:K3sNodeGroup)", "~ command:remote:Command ovhcloud1-k3s-server",
                "create.env.K3S_CONFIG:", "- etcd-snapshot-retention: \"5\"", "+ etcd-snapshot-retention: \"7\"",
                "0 added, 0 removed, " + servers + " changed, 0 output value(s) changed")
                .as("no step has triggers").doesNotContainPattern("triggers\\[\\d+\\]");

        Outcome missing = cli("diff", tmp.resolve("a").toString(), tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no plan.json");
    }
}
