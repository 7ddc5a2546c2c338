package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.cluster.RemoteStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real smoke-check step, run by bash exactly as the remote Command would, against a fake {@code curl} that
 * answers per Host header: the health route must give 200, and a 403 on a guarded route fails the step.
 */
class SmokeCheckScriptTest {
    record Result(int exit, String stderr) {}

    /** {@code answers}: "host path=status" lines; anything else answers 404. */
    private static Result run(Path dir, String answers) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("curl");
        Files.writeString(fake, "#!/usr/bin/env bash\n"
                + "host=''; url=''\n"
                + "while [ $# -gt 0 ]; do case \"$1\" in -H) host=${2#Host: }; shift;; http://*) url=$1;; esac; shift; done\n"
                + "path=/${url#http://*/}\n"
                + "while read -r h p s; do [ \"$h\" = \"$host\" ] && [ \"$p\" = \"$path\" ] && { printf '%s' \"$s\"; exit 0; }; done < '"
                + dir.resolve("answers") + "'\n"
                + "printf 404\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("answers"), answers);
        var routes = List.of(IngressRoute.parse("api.myhoneydue.com=api"), IngressRoute.parse("app.myhoneydue.com=web"),
                IngressRoute.parse("admin.myhoneydue.com=admin"));
        var step = RemoteStep.of("smoke-check", SmokeCheckPlan.SCRIPT, SmokeCheckPlan.environment("192.0.2.10",
                new AppConfig.SmokeCheck(true, "api.myhoneydue.com", 2, 1), routes));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", step.command())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void healthyWhenTheHealthRouteAnswers200AndNoRouteIsRefused(@TempDir Path dir) throws Exception {
        Result r = run(dir, "api.myhoneydue.com /api/health/ 200\nadmin.myhoneydue.com / 401\n");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("192.0.2.10 -> 200", "app.myhoneydue.com/ -> 404 (routed, not refused)",
                "admin.myhoneydue.com/ -> 401");
    }

    @Test
    void aRefusedGuardedRouteFailsTheStepEvenWhenTheHealthRouteIsFine(@TempDir Path dir) throws Exception {
        Result r = run(dir, "api.myhoneydue.com /api/health/ 200\napp.myhoneydue.com / 403\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("FAILED: 192.0.2.10:app.myhoneydue.com/:403 refused (403)", "cloudflare-only");
    }

    @Test
    void aFailingHealthRouteStillFails(@TempDir Path dir) throws Exception {
        Result r = run(dir, "api.myhoneydue.com /api/health/ 503\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("192.0.2.10:503 did not answer 200");
    }
}
