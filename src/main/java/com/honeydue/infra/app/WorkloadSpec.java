package com.honeydue.infra.app;

import java.util.List;
import java.util.Optional;

/**
 * Everything about one Deployment that is not an environment variable: its shape, probes, resources and the
 * identity it runs as. The component turns it into a Deployment with the restricted security context.
 *
 * @param writablePaths emptyDir mounts; the root filesystem is read-only, so every path the process writes
 *                      (tmp, Next.js cache) is listed here
 * @param recreateBecause why the Deployment stops its pod before starting the next (Recreate), for singletons that
 *                      must never overlap (worker) or that hold a ReadWriteOnce volume (redis); empty: RollingUpdate
 *                      with no pod down
 */
public record WorkloadSpec(String name, String component, ImageReference image, int replicas, String portName,
                           int port, ProbePlan.Probes probes, Resources resources, long runAsUser, long runAsGroup,
                           List<String> writablePaths, Optional<String> recreateBecause, boolean scrapeMetrics) {
    public WorkloadSpec {
        writablePaths = List.copyOf(writablePaths);
    }

    /** Kubernetes quantities; every container gets both requests and limits. */
    public record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        public long memoryRequestMi() {
            return mebibytes(memoryRequest);
        }

        public long memoryLimitMi() {
            return mebibytes(memoryLimit);
        }

        static long mebibytes(String q) {
            if (q.endsWith("Gi")) {
                return Long.parseLong(q.substring(0, q.length() - 2)) * 1024;
            }
            if (q.endsWith("Mi")) {
                return Long.parseLong(q.substring(0, q.length() - 2));
            }
            throw new IllegalArgumentException("quantity '" + q + "' is not in Mi or Gi");
        }
    }
}
