package com.honeydue.infra.render;

import static com.honeydue.infra.render.CliTest.cli;
import static com.honeydue.infra.render.CliTest.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/honeydue-infra against hostile stack files: exit 2 with the key named for bad input, exit 3 with one line for
 * an internal error, never a Java stack trace, and a failed render never changes an existing out dir.
 */
class HostileCliTest {
    private static String ovh(Path project) throws IOException {
        return Files.readString(project.resolve("Pulumi.ovh.yaml"));
    }

    /** Every file under {@code dir} with its content: what "unchanged" compares. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return out;
    }

    private static void assertNoStackTrace(CliTest.Outcome o) {
        assertThat(o.err()).doesNotContain("\tat ", "Exception in thread", "Caused by:").doesNotContainPattern("at [a-z]+\\.[a-z]+\\.");
    }

    @Test
    void aStackNameThatIsAPathIsRefusedBeforeAnythingIsReadOrWritten(@TempDir Path tmp) throws IOException {
        Path project = project(Files.createDirectory(tmp.resolve("p")));
        Files.writeString(tmp.resolve("Pulumi.x.yaml"), ovh(project));
        for (String stack : new String[] {"../x", "..", "a/b", "", "ovh\n"}) {
            CliTest.Outcome o = cli("render", "--project-dir", project.toString(), "--stack", stack);
            assertThat(o.code()).as(stack).isEqualTo(2);
            assertThat(o.err()).contains("is not a stack name", "letters, digits");
            assertNoStackTrace(o);
        }
        assertThat(tmp.resolve("render")).doesNotExist();
        assertThat(project.resolve("build")).doesNotExist();
    }

    @Test
    void aHugeImageIsExit2NamingTheKeyShortenedWithoutAStackTraceAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        String huge = "gitea.treytartt.com/" + "ab-".repeat(20_000) + "x@sha256:" + "a1b2c3d4".repeat(8);
        Files.writeString(project.resolve("Pulumi.huge.yaml"), ovh(project).replaceFirst("honeydue-infra:apiImage: \\S+",
                "honeydue-infra:apiImage: " + huge));
        CliTest.Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "huge");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("honeydue-infra:apiImage: ", "(60093 chars)", "at most 1024 characters");
        assertThat(o.err().length()).as("the message is short").isLessThan(2_000);
        assertNoStackTrace(o);
        assertThat(project.resolve("build")).doesNotExist();
    }

    @Test
    void aFailedRenderLeavesTheExistingOutDirExactlyAsItWas(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Path out = tmp.resolve("out");
        assertThat(cli("render", "--project-dir", project.toString(), "--stack", "ovh", "--out", out.toString()).code()).isZero();
        Files.writeString(out.resolve("NOTES.txt"), "mine");
        Map<String, String> before = snapshot(out);
        Files.writeString(project.resolve("Pulumi.bad.yaml"), ovh(project).replace("alias=ovhcloud2 ", "alias=../../escaped "));
        CliTest.Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "bad", "--out", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("honeydue-infra:nodes[1].alias: '../../escaped' is not a valid alias");
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(tmp.resolve("escaped")).doesNotExist();
    }

    @Test
    void aWriteFailureHalfwayLeavesTheExistingOutDirExactlyAsItWas(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SortedMap<String, String> good = new TreeMap<>(Map.of("plan.json", "{}\n", "nodes/a/01-x.sh", "echo a\n", "k8s/01.yaml", "a: 1\n"));
        Renderer.write(good, out);
        Files.writeString(out.resolve("NOTES.txt"), "mine");
        Map<String, String> before = snapshot(out);
        // "nodes/b" as a file and as a directory: the second write fails after others have been written.
        SortedMap<String, String> conflicting = new TreeMap<>(Map.of("plan.json", "{\"new\":1}\n", "nodes/b", "x", "nodes/b/01-x.sh", "y",
                "k8s/02.yaml", "b: 2\n"));
        assertThatThrownBy(() -> Renderer.write(conflicting, out)).isInstanceOf(IOException.class);
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("out");
    }

    @Test
    void aPathOutsideTheOutDirIsAnInternalErrorAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("a").resolve("out");
        for (String bad : new String[] {"nodes/../../../x.sh", "/etc/passwd", "nodes/a\u0000b/x.sh", "nodes/" + "n".repeat(300) + "/x",
                "elsewhere/x", "nodes/./x.sh", "nodes//x.sh"}) {
            assertThatThrownBy(() -> Renderer.write(new TreeMap<>(Map.of("plan.json", "{}", bad, "x")), out))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("internal error");
        }
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("x.sh")).doesNotExist();
    }

    @Test
    void aSuccessfulRenderReplacesOnlyItsOwnEntriesAndLeavesNoStagingBehind(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Renderer.write(new TreeMap<>(Map.of("plan.json", "old", "nodes/gone/01-x.sh", "old")), out);
        Files.writeString(out.resolve("NOTES.txt"), "mine");
        Renderer.write(new TreeMap<>(Map.of("plan.json", "new", "nodes/kept/01-x.sh", "new")), out);
        assertThat(snapshot(out).keySet()).containsExactlyInAnyOrder("", "NOTES.txt", "plan.json", "nodes", "nodes/kept",
                "nodes/kept/01-x.sh");
        assertThat(Files.readString(out.resolve("plan.json"))).isEqualTo("new");
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("out");
    }

    @Test
    void aForeignNamespaceRendersWithAWarningAndADuplicateKeyIsExit2(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        Files.writeString(project.resolve("Pulumi.warn.yaml"), ovh(project) + "  honeydue:k3sVersion: v1.35.0+k3s1\n");
        CliTest.Outcome warned = cli("render", "--project-dir", project.toString(), "--stack", "warn", "--out", tmp.resolve("w").toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("warning: honeydue:k3sVersion: namespace 'honeydue'", "did you mean 'honeydue-infra:k3sVersion'");

        Files.writeString(project.resolve("Pulumi.dup.yaml"), ovh(project) + "  honeydue-infra:provider: hetzner\n");
        CliTest.Outcome dup = cli("render", "--project-dir", project.toString(), "--stack", "dup");
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains("honeydue-infra:provider: is set twice in the stack file");
        assertNoStackTrace(dup);
    }

    @Test
    void anInternalErrorThroughTheCliIsExit3WithOneLineAndNothingWritten(@TempDir Path tmp) throws IOException {
        Path project = project(tmp);
        // A Pulumi.yaml that no longer declares a key the program reads: a programming error, not bad input.
        String schema = Files.readString(project.resolve("Pulumi.yaml"));
        int start = schema.indexOf("  smtpUser:\n");
        int end = schema.indexOf("\n  featurePushEnabled:");
        Files.writeString(project.resolve("Pulumi.yaml"), schema.substring(0, start) + schema.substring(end + 1));
        CliTest.Outcome o = cli("render", "--project-dir", project.toString(), "--stack", "ovh");
        assertThat(o.code()).isEqualTo(3);
        assertThat(o.err().strip().lines().filter(l -> l.startsWith("error")))
                .containsExactly("error: internal error (please report it): IllegalStateException: program reads config key "
                        + "'smtpUser' that Pulumi.yaml does not declare");
        assertNoStackTrace(o);
        assertThat(project.resolve("build")).doesNotExist();
    }

    @Test
    void anInternalErrorIsOneLineNamingItsCause() {
        String line = com.honeydue.infra.cli.MainAccess.internalError(
                new java.util.concurrent.CompletionException(new StackOverflowError()));
        assertThat(line).isEqualTo("error: internal error (please report it): StackOverflowError");
        String withMessage = com.honeydue.infra.cli.MainAccess.internalError(new IllegalStateException("bad\nsecond line " + "x".repeat(500)));
        assertThat(withMessage).doesNotContain("\n", "second line").contains("IllegalStateException: bad");
    }
}
