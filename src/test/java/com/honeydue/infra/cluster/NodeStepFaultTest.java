package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real k3s server step, run by bash exactly as the remote Command would (exports, then script), against fake
 * {@code curl}/{@code systemctl}/{@code sudo} on PATH: a flaky download is retried with backoff and recovers, a
 * permanent failure stops within its bound with the step's own message. (The held dpkg lock and the package
 * mirror faults run for real in the Debian-root sandbox of .ci/verify.)
 */
class NodeStepFaultTest {
    private static final ClusterConfig OVH = StackFixtures.config("ovh").cluster();

    record Result(int exit, String stderr, Duration took) {}

    private static void fake(Path bin, String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Result runInitStep(Path dir, int curlFailures) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path count = dir.resolve("curl-calls");
        // Fails the first N downloads, then "downloads" an installer that always fails.
        fake(bin, "curl", "n=$(( $(cat '" + count + "' 2>/dev/null || echo 0) + 1 )); echo \"$n\" > '" + count + "'\n"
                + "[ \"$n\" -le " + curlFailures + " ] && exit 7\n"
                + "out=''; while [ $# -gt 0 ]; do [ \"$1\" = -o ] && out=$2; shift; done\n"
                + "printf '#!/bin/sh\\necho installer-ran >&2\\nexit 1\\n' > \"$out\"");
        fake(bin, "systemctl", "exit 3"); // k3s is not running yet
        fake(bin, "sudo", "[ \"$1\" = -n ] && shift; exec \"$@\"");
        RemoteStep step = NodeStepPlan.k3sServer(OVH, OVH.nodes().get(0), Optional.empty());
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", step.command()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("RETRY_FIRST_DELAY_SECONDS", "0");
        Instant start = Instant.now();
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the step is bounded").isTrue();
        return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8), Duration.between(start, Instant.now()));
    }

    @Test
    void aFlakyDownloadIsRetriedAndAFailingInstallStopsWithItsMessage(@TempDir Path dir) throws Exception {
        Result r = runInitStep(dir, 2);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("download k3s installer: attempt 1/5 failed", "download k3s installer: attempt 2/5 failed")
                .doesNotContain("cannot download the k3s installer")
                .contains("k3s install: still failing after 3 attempts", "FAILED: k3s install failed",
                        "next: ssh in and read the installer's output");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPermanentDownloadFailureFailsWithinItsBoundAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Result r = runInitStep(dir, 1000);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("curl-calls")).trim()).isEqualTo("5");
        assertThat(r.stderr()).contains("download k3s installer: still failing after 5 attempts",
                "FAILED: cannot download the k3s installer from https://get.k3s.io", "next: check outbound HTTPS from the node");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(30));
    }
}
