package com.honeydue.infra.workload;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import java.util.Map;

/**
 * A PodDisruptionBudget for one workload's pods, so a node drain (an upgrade, runbook §7) keeps what must keep
 * serving: {@link #maxUnavailable} for a replicated workload, {@link #minAvailable} for one that may stop entirely
 * (minAvailable 0 still documents that evicting it is fine).
 */
public final class DisruptionBudget {
    private DisruptionBudget() {}

    public static PodDisruptionBudgetArgs maxUnavailable(ObjectMetaArgs metadata, Map<String, String> selector, int pods) {
        return args(metadata, spec(selector).maxUnavailable(pods));
    }

    public static PodDisruptionBudgetArgs minAvailable(ObjectMetaArgs metadata, Map<String, String> selector, int pods) {
        return args(metadata, spec(selector).minAvailable(pods));
    }

    private static PodDisruptionBudgetSpecArgs.Builder spec(Map<String, String> selector) {
        return PodDisruptionBudgetSpecArgs.builder().selector(LabelSelectorArgs.builder().matchLabels(selector).build());
    }

    private static PodDisruptionBudgetArgs args(ObjectMetaArgs metadata, PodDisruptionBudgetSpecArgs.Builder spec) {
        return PodDisruptionBudgetArgs.builder().metadata(metadata).spec(spec.build()).build();
    }
}
