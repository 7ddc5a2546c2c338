package com.honeydue.infra.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.LocalObjectReferenceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod spec with secure defaults, in the spirit of cdk8s-plus: its own ServiceAccount with no API token mounted
 * (a pod that needs the API mounts a projected token explicitly), a non-root identity
 * ({@link SecureDefaults#nonRootPod}), RuntimeDefault seccomp, and only {@link HardenedContainer}s. Leaving a
 * default is explicit and carries its reason: {@link Builder#hostNamespaces} for a node agent,
 * {@link Builder#securityContext(PodSecurityContextArgs, String)} for a pod that must run as root.
 * Not from the runbook (§5's manifests run with the image defaults): this project's standard (README, threat model).
 */
public final class HardenedPod {
    private HardenedPod() {}

    /** @param serviceAccount the pod's own ServiceAccount (never "default") */
    public static Builder builder(String serviceAccount) {
        return new Builder(serviceAccount);
    }

    public static final class Builder {
        private final PodSpecArgs.Builder pod = PodSpecArgs.builder();
        private final String serviceAccount;
        private Optional<PodSecurityContextArgs> securityContext = Optional.empty();

        private Builder(String serviceAccount) {
            if (serviceAccount.isBlank() || serviceAccount.equals("default")) {
                throw new IllegalArgumentException("a hardened pod runs as its own ServiceAccount, not " + serviceAccount);
            }
            this.serviceAccount = serviceAccount;
            pod.serviceAccountName(serviceAccount).automountServiceAccountToken(false);
        }

        /** The uid and gid the pod runs as; neither may be 0. */
        public Builder runAs(int uid, int gid) {
            this.securityContext = Optional.of(SecureDefaults.nonRootPod(uid, gid));
            return this;
        }

        /** Replaces the non-root pod context; {@code reason} says why (it must not be blank). */
        public Builder securityContext(PodSecurityContextArgs context, String reason) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("pod " + serviceAccount + ": a security context override needs its reason");
            }
            this.securityContext = Optional.of(context);
            return this;
        }

        /** The node's PID and network namespaces, for an agent that reports on the node itself; {@code reason} says why. */
        public Builder hostNamespaces(String reason) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("pod " + serviceAccount + ": host namespaces need their reason");
            }
            pod.hostPID(true).hostNetwork(true).dnsPolicy("ClusterFirstWithHostNet");
            return this;
        }

        public Builder containers(ContainerArgs... containers) {
            pod.containers(containers);
            return this;
        }

        public Builder volumes(List<VolumeArgs> volumes) {
            pod.volumes(volumes);
            return this;
        }

        public Builder volumes(VolumeArgs... volumes) {
            pod.volumes(volumes);
            return this;
        }

        public Builder imagePullSecret(String secretName) {
            pod.imagePullSecrets(LocalObjectReferenceArgs.builder().name(secretName).build());
            return this;
        }

        public Builder nodeSelector(Map<String, String> selector) {
            pod.nodeSelector(selector);
            return this;
        }

        public Builder topologySpread(TopologySpreadConstraintArgs constraint) {
            pod.topologySpreadConstraints(constraint);
            return this;
        }

        public Builder tolerations(TolerationArgs... tolerations) {
            pod.tolerations(tolerations);
            return this;
        }

        public Builder priorityClassName(String name) {
            pod.priorityClassName(name);
            return this;
        }

        /** For a Job's pod ("Never" or "OnFailure"). */
        public Builder restartPolicy(String policy) {
            pod.restartPolicy(policy);
            return this;
        }

        public PodSpecArgs build() {
            return pod.securityContext(securityContext.orElseThrow(() -> new IllegalStateException(
                    "pod " + serviceAccount + " has no identity: runAs(uid, gid), or securityContext(..., reason)"))).build();
        }
    }
}
