package com.honeydue.infra.app;

import java.util.List;
import java.util.Optional;

/**
 * The five Deployments of runbook §1 and the migration Job's container budget. Memory requests add up to about
 * 1 GiB for the whole app (book ch. 00: "the whole stack fits in about 1 GB of RAM").
 */
public final class WorkloadPlan {
    public static final int API_PORT = 8000;
    public static final int NEXTJS_PORT = 3000;
    public static final int WORKER_HEALTH_PORT = 6060;
    public static final int REDIS_PORT = 6379;
    /** Distroless "nonroot"; the Go images run as any non-root uid. */
    static final long GO_UID = 65532;
    /** The "nextjs" user of the standard Next.js standalone Dockerfile. */
    static final long NEXTJS_UID = 1001;
    /** The redis user and group baked into redis:7-alpine. */
    static final long REDIS_UID = 999;
    static final long REDIS_GID = 1000;
    static final List<String> NEXTJS_WRITABLE = List.of("/tmp", "/app/.next/cache");

    public static final WorkloadSpec.Resources MIGRATE_RESOURCES = new WorkloadSpec.Resources("50m", "64Mi", "500m", "256Mi");

    private WorkloadPlan() {}

    public static List<WorkloadSpec> deployments(AppConfig c) {
        var images = c.images();
        return List.of(
                new WorkloadSpec("redis", "cache", images.redis(), 1, "redis", REDIS_PORT, ProbePlan.redis(REDIS_PORT),
                        new WorkloadSpec.Resources("50m", "128Mi", "250m", "384Mi"), REDIS_UID, REDIS_GID,
                        List.of("/tmp"), Optional.of("its ReadWriteOnce volume mounts on one pod at a time"), false),
                new WorkloadSpec("api", "api", images.api(), c.apiReplicas(), "http", API_PORT, ProbePlan.api(API_PORT),
                        new WorkloadSpec.Resources("100m", "128Mi", "1", "384Mi"), GO_UID, GO_UID,
                        List.of("/tmp"), Optional.empty(), true),
                new WorkloadSpec("worker", "worker", images.worker(), c.workerReplicas(), "health", WORKER_HEALTH_PORT,
                        ProbePlan.worker(WORKER_HEALTH_PORT), new WorkloadSpec.Resources("50m", "128Mi", "500m", "384Mi"),
                        GO_UID, GO_UID, List.of("/tmp"), Optional.of("the Asynq scheduler must never run twice (runbook §9.7)"),
                        false),
                new WorkloadSpec("web", "web", images.web(), c.webReplicas(), "http", NEXTJS_PORT, ProbePlan.nextJs(NEXTJS_PORT),
                        new WorkloadSpec.Resources("50m", "96Mi", "500m", "256Mi"), NEXTJS_UID, NEXTJS_UID,
                        NEXTJS_WRITABLE, Optional.empty(), false),
                new WorkloadSpec("admin", "admin", images.admin(), c.adminReplicas(), "http", NEXTJS_PORT,
                        ProbePlan.nextJs(NEXTJS_PORT), new WorkloadSpec.Resources("50m", "128Mi", "500m", "256Mi"),
                        NEXTJS_UID, NEXTJS_UID, NEXTJS_WRITABLE, Optional.empty(), false));
    }

    /** Memory the scheduler reserves for the app at the configured replica counts, in MiB. */
    public static long totalMemoryRequestMi(List<WorkloadSpec> specs) {
        return specs.stream().mapToLong(s -> s.replicas() * s.resources().memoryRequestMi()).sum();
    }
}
