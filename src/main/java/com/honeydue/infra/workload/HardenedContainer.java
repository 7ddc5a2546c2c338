package com.honeydue.infra.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container with secure defaults, in the spirit of cdk8s-plus: Pod Security "restricted" with a read-only root
 * filesystem ({@link SecureDefaults#restrictedContainer()}), an image pinned by digest, requests and limits, and
 * separate liveness and readiness probes. {@link Builder#build()} refuses a container without limits or with a
 * tag-only image. Leaving the defaults is explicit and carries its reason at the call site:
 * {@link Builder#unpinnedImage} for a test stack's tag-only image, {@link Builder#withoutProbes}
 * for a run-to-completion container, {@link Builder#withoutReadinessProbe} for one that no Service routes to,
 * {@link Builder#securityContext(SecurityContextArgs, String)} for one that needs more than "restricted".
 * The runbook's manifests (§5) predate these defaults; they are this project's standard (README, threat model).
 */
public final class HardenedContainer {
    private static final Pattern PINNED = Pattern.compile("^[^@\\s]+@sha256:[0-9a-f]{64}$");

    private HardenedContainer() {}

    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    public static final class Builder {
        private final ContainerArgs.Builder container = ContainerArgs.builder();
        private final String name;
        private final String image;
        private boolean unpinnedAllowed;
        private boolean resources;
        private boolean liveness;
        private boolean readiness;
        private Optional<String> probesWaived = Optional.empty();
        private Optional<String> readinessWaived = Optional.empty();
        private SecurityContextArgs securityContext = SecureDefaults.restrictedContainer();

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
            container.name(name).image(image);
        }

        /** Lets a tag-only image through (a test stack's explicit opt-out); {@code reason} names that opt-out. */
        public Builder unpinnedImage(String reason) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("container " + name + ": an unpinned image needs its reason");
            }
            this.unpinnedAllowed = true;
            return this;
        }

        public Builder imagePullPolicy(String policy) {
            container.imagePullPolicy(policy);
            return this;
        }

        public Builder command(String... command) {
            container.command(command);
            return this;
        }

        public Builder args(List<String> args) {
            container.args(args);
            return this;
        }

        public Builder args(String... args) {
            container.args(args);
            return this;
        }

        public Builder ports(ContainerPortArgs... ports) {
            container.ports(ports);
            return this;
        }

        public Builder env(List<EnvVarArgs> env) {
            container.env(env);
            return this;
        }

        public Builder env(EnvVarArgs... env) {
            container.env(env);
            return this;
        }

        public Builder envFrom(List<EnvFromSourceArgs> envFrom) {
            container.envFrom(envFrom);
            return this;
        }

        public Builder volumeMounts(List<VolumeMountArgs> mounts) {
            container.volumeMounts(mounts);
            return this;
        }

        public Builder volumeMounts(VolumeMountArgs... mounts) {
            container.volumeMounts(mounts);
            return this;
        }

        /** Required: CPU and memory requests and limits ({@link SecureDefaults#resources}). */
        public Builder resources(ResourceRequirementsArgs resources) {
            container.resources(resources);
            this.resources = true;
            return this;
        }

        public Builder livenessProbe(ProbeArgs probe) {
            container.livenessProbe(probe);
            this.liveness = true;
            return this;
        }

        public Builder readinessProbe(ProbeArgs probe) {
            container.readinessProbe(probe);
            this.readiness = true;
            return this;
        }

        public Builder startupProbe(ProbeArgs probe) {
            container.startupProbe(probe);
            return this;
        }

        /** No probes at all: for a container that runs to completion (a Job), which a probe could only kill. */
        public Builder withoutProbes(String reason) {
            this.probesWaived = Optional.of(reason);
            return this;
        }

        /** Liveness only: for a container that no Service routes to, so readiness would gate nothing. */
        public Builder withoutReadinessProbe(String reason) {
            this.readinessWaived = Optional.of(reason);
            return this;
        }

        /** Replaces the restricted context; {@code reason} says why this container needs more (it must not be blank). */
        public Builder securityContext(SecurityContextArgs context, String reason) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("container " + name + ": a security context override needs its reason");
            }
            this.securityContext = context;
            return this;
        }

        public ContainerArgs build() {
            if (!unpinnedAllowed && !PINNED.matcher(image).matches()) {
                throw new IllegalStateException("container " + name + ": image " + image
                        + " is not pinned; expected <repository>@sha256:<64 hex digits>");
            }
            if (!resources) {
                throw new IllegalStateException("container " + name + " has no requests and limits");
            }
            if (probesWaived.isEmpty() && !liveness) {
                throw new IllegalStateException("container " + name + " has no liveness probe (withoutProbes says why not)");
            }
            if (probesWaived.isEmpty() && readinessWaived.isEmpty() && !readiness) {
                throw new IllegalStateException("container " + name + " has no readiness probe (withoutReadinessProbe says why not)");
            }
            return container.securityContext(securityContext).build();
        }
    }
}
