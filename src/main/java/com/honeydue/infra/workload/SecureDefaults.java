package com.honeydue.infra.workload;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import java.util.Map;

/**
 * The security and resource defaults every pod of ours starts from, for the app's workloads and the observability
 * agents alike: Pod Security "restricted" (non-root, no privilege escalation, all capabilities dropped, RuntimeDefault
 * seccomp), a read-only root filesystem, and requests and limits for CPU, memory and ephemeral storage. A workload
 * that needs less (node-exporter's host namespaces, alloy-logs' root) says so at its own call site. Not from the
 * runbook: this project's standard (README, threat model). {@link HardenedContainer} and {@link HardenedPod} apply it.
 */
public final class SecureDefaults {
    /** Scratch space a container may write (emptyDirs and logs) before the kubelet evicts it. */
    static final String EPHEMERAL_STORAGE_REQUEST = "64Mi";
    static final String EPHEMERAL_STORAGE_LIMIT = "512Mi";

    private SecureDefaults() {}

    public static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }

    /** Pod Security "restricted" at the container level, plus a read-only root filesystem. */
    public static SecurityContextArgs restrictedContainer() {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .readOnlyRootFilesystem(true)
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(runtimeDefault())
                .build();
    }

    /** The pod runs as {@code uid:gid}, never root, and its volumes belong to {@code gid}. */
    public static PodSecurityContextArgs nonRootPod(int uid, int gid) {
        if (uid == 0 || gid == 0) {
            throw new IllegalArgumentException("a non-root pod cannot run as uid " + uid + " / gid " + gid);
        }
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true).runAsUser(uid).runAsGroup(gid).fsGroup(gid)
                .seccompProfile(runtimeDefault())
                .build();
    }

    /** Requests and limits are both required: a container without limits can starve its node. */
    public static ResourceRequirementsArgs resources(String cpuRequest, String memoryRequest, String cpuLimit,
                                                     String memoryLimit) {
        for (String quantity : new String[] {cpuRequest, memoryRequest, cpuLimit, memoryLimit}) {
            if (quantity == null || quantity.isBlank()) {
                throw new IllegalArgumentException("every container needs CPU and memory requests and limits");
            }
        }
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpuRequest, "memory", memoryRequest, "ephemeral-storage", EPHEMERAL_STORAGE_REQUEST))
                .limits(Map.of("cpu", cpuLimit, "memory", memoryLimit, "ephemeral-storage", EPHEMERAL_STORAGE_LIMIT))
                .build();
    }
}
