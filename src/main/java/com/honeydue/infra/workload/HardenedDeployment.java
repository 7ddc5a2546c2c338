package com.honeydue.infra.workload;

import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment of a {@link HardenedPod} whose replicas spread across nodes by default: with more than one replica
 * (or replicas owned by an HPA) each pod prefers a node that runs none yet (maxSkew 1 by hostname), so a drain
 * (runbook §7) or a node loss takes one replica, never all. The spread is soft ({@code ScheduleAnyway}): a cordoned
 * node still counts as a topology domain, so during a drain the evicted replica can only go where one already runs;
 * a hard constraint would leave it Pending until the uncordon and defeat the PodDisruptionBudget. Only the pods of
 * the current ReplicaSet are counted, so a rollout spreads the new pods too. Leaving the spread out is explicit:
 * {@link Builder#withoutSpread}. An HPA-managed Deployment sends no {@code replicas}, so a rollout after a
 * scale-up never fights the HPA.
 */
public final class HardenedDeployment {
    private HardenedDeployment() {}

    /**
     * @param selector the labels that select the pods; the pod metadata must carry them
     * @param podMetadata the pod template's labels and annotations
     */
    public static Builder builder(Map<String, String> selector, ObjectMetaArgs podMetadata, HardenedPod.Builder pod) {
        return new Builder(selector, podMetadata, pod);
    }

    public static final class Builder {
        private final Map<String, String> selector;
        private final ObjectMetaArgs podMetadata;
        private final HardenedPod.Builder pod;
        private Optional<Integer> replicas = Optional.empty();
        private boolean hpaManaged;
        private boolean spread = true;
        private Optional<DeploymentStrategyArgs> strategy = Optional.empty();
        private Optional<Integer> revisionHistoryLimit = Optional.empty();

        private Builder(Map<String, String> selector, ObjectMetaArgs podMetadata, HardenedPod.Builder pod) {
            if (selector.isEmpty()) {
                throw new IllegalArgumentException("a Deployment selects its pods by labels; none given");
            }
            this.selector = Map.copyOf(selector);
            this.podMetadata = podMetadata;
            this.pod = pod;
        }

        public Builder replicas(int replicas) {
            if (replicas < 0) {
                throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
            }
            this.replicas = Optional.of(replicas);
            this.hpaManaged = false;
            return this;
        }

        /** A HorizontalPodAutoscaler owns the replica count: none is sent, and the pods spread. */
        public Builder scaledByHpa() {
            this.replicas = Optional.empty();
            this.hpaManaged = true;
            return this;
        }

        /** Keeps every replica up during a rollout: one extra pod at a time, none taken down before its successor is Ready. */
        public Builder rollingWithoutDowntime() {
            this.strategy = Optional.of(DeploymentStrategyArgs.builder().type("RollingUpdate")
                    .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxUnavailable(0).maxSurge(1).build()).build());
            return this;
        }

        /** Stops the old pod before the new one starts; {@code reason} says why two must never run at once. */
        public Builder recreate(String reason) {
            requireReason(reason, "Recreate");
            this.strategy = Optional.of(DeploymentStrategyArgs.builder().type("Recreate").build());
            return this;
        }

        public Builder revisionHistoryLimit(int limit) {
            this.revisionHistoryLimit = Optional.of(limit);
            return this;
        }

        /** Leaves the replicas wherever the scheduler puts them; {@code reason} says why that is safe. */
        public Builder withoutSpread(String reason) {
            requireReason(reason, "leaving the spread out");
            this.spread = false;
            return this;
        }

        public DeploymentArgs args(ObjectMetaArgs metadata) {
            if (!hpaManaged && replicas.isEmpty()) {
                throw new IllegalStateException("a Deployment needs replicas(n) or scaledByHpa()");
            }
            if (spread && (hpaManaged || replicas.get() > 1)) {
                pod.topologySpread(spreadAcrossNodes(selector));
            }
            var spec = DeploymentSpecArgs.builder()
                    .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                    .template(PodTemplateSpecArgs.builder().metadata(podMetadata).spec(pod.build()).build());
            replicas.ifPresent(spec::replicas);
            strategy.ifPresent(spec::strategy);
            revisionHistoryLimit.ifPresent(spec::revisionHistoryLimit);
            return DeploymentArgs.builder().metadata(metadata).spec(spec.build()).build();
        }

        private static void requireReason(String reason, String what) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException(what + " needs its reason");
            }
        }
    }

    static TopologySpreadConstraintArgs spreadAcrossNodes(Map<String, String> selector) {
        return TopologySpreadConstraintArgs.builder()
                .maxSkew(1)
                .topologyKey("kubernetes.io/hostname")
                .whenUnsatisfiable("ScheduleAnyway")
                .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                .matchLabelKeys("pod-template-hash")
                .build();
    }
}
