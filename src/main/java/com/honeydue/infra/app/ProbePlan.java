package com.honeydue.infra.app;

import java.util.List;

/**
 * Probe settings per workload, with the fixes of seed 003: admin probes {@code /} (Next.js serves at the root;
 * {@code /admin/} returned 404 and the liveness probe killed the pods), admin startup budget 24 × 5 s, and api
 * startup budget 48 × 5 s = 240 s because MigrateWithLock serialises first boots across the 3 replicas.
 *
 * <p>Readiness and liveness ask different questions. Readiness is the health path: it may check dependencies
 * (Postgres, Redis), and a failing one only takes the pod out of its Service. Liveness is a TCP connect to the
 * serving port: "is the process still accepting connections". Were liveness the health path too, one failing
 * dependency (Neon down, Redis rescheduling during a drain) would fail it on every replica at once and the kubelet
 * would restart them all, which cures nothing and adds a cold start (240 s for api) on top of the outage.
 */
public final class ProbePlan {
    public static final int STARTUP_PERIOD_SECONDS = 5;
    public static final int API_STARTUP_FAILURES = 48;
    public static final int NEXTJS_STARTUP_FAILURES = 24;
    public static final String API_HEALTH_PATH = "/api/health/";
    public static final String WORKER_HEALTH_PATH = "/healthz";

    /** startup, readiness and liveness of one container. */
    public record Probes(Probe startup, Probe readiness, Probe liveness) {}

    private ProbePlan() {}

    public static Probes api(int port) {
        return new Probes(
                Probe.http(API_HEALTH_PATH, port, STARTUP_PERIOD_SECONDS, 3, API_STARTUP_FAILURES),
                Probe.http(API_HEALTH_PATH, port, 10, 3, 3),
                Probe.tcp(port, 20, 5, 3));
    }

    /** web and admin (Next.js): the app answers on {@code /}, never on a sub-path like {@code /admin/}. */
    public static Probes nextJs(int port) {
        return new Probes(
                Probe.http("/", port, STARTUP_PERIOD_SECONDS, 3, NEXTJS_STARTUP_FAILURES),
                Probe.http("/", port, 10, 3, 3),
                Probe.tcp(port, 20, 5, 3));
    }

    /** The worker serves only a health endpoint on :6060 (runbook §11: no /metrics yet). */
    public static Probes worker(int port) {
        return new Probes(
                Probe.http(WORKER_HEALTH_PATH, port, STARTUP_PERIOD_SECONDS, 3, 24),
                Probe.http(WORKER_HEALTH_PATH, port, 10, 3, 3),
                Probe.tcp(port, 20, 5, 3));
    }

    /**
     * Redis: readiness runs PING with the password taken from the environment by redis-cli itself
     * (REDISCLI_AUTH), so it never appears in an argv; liveness is a plain TCP check.
     */
    public static Probes redis(int port) {
        List<String> ping = List.of("sh", "-c", "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -p " + port + " ping | grep -q PONG");
        return new Probes(
                Probe.tcp(port, STARTUP_PERIOD_SECONDS, 3, 12),
                Probe.exec(ping, 10, 3, 3),
                Probe.tcp(port, 20, 5, 3));
    }
}
