package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.AgentParts.apiTokenMount;
import static com.honeydue.infra.observability.AgentParts.apiTokenVolume;
import static com.honeydue.infra.observability.AgentParts.httpProbe;
import static com.honeydue.infra.observability.AgentParts.meta;
import static com.honeydue.infra.observability.AgentParts.podMeta;
import static com.honeydue.infra.observability.AgentParts.port;
import static com.honeydue.infra.workload.SecureDefaults.resources;
import static com.honeydue.infra.observability.AgentParts.selector;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_METRICS_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_RESOURCES;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_TELEMETRY_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_STATE_METRICS;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_SYSTEM;

import com.honeydue.infra.workload.ClusterIpService;
import com.honeydue.infra.workload.HardenedContainer;
import com.honeydue.infra.workload.HardenedDeployment;
import com.honeydue.infra.workload.HardenedPod;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-state-metrics in kube-system (runbook §2 table, §9.2): read-only list/watch of exactly the resources it
 * exports, its own API token as a projected volume, restricted container, a ClusterIP Service for vmagent.
 */
final class KubeStateMetricsAgent {
    private final Deployment deployment;

    KubeStateMetricsAgent(AgentParts.Owner owner, String image) {
        var labels = Labels.of(KUBE_STATE_METRICS, "metrics-exporter");
        var sa = owner.serviceAccount(KUBE_STATE_METRICS, KUBE_SYSTEM, labels, List.of());
        // Exactly the resources it is told to export (--resources), read-only.
        Map<String, List<String>> byGroup = new TreeMap<>();
        KSM_RESOURCES.forEach((resource, group) -> byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(resource));
        List<PolicyRuleArgs> rules = byGroup.entrySet().stream().map(e -> PolicyRuleArgs.builder()
                .apiGroups(e.getKey()).resources(e.getValue()).verbs("list", "watch").build()).toList();
        var role = owner.clusterRole(KUBE_STATE_METRICS, labels, rules);
        var binding = owner.clusterRoleBinding(KUBE_STATE_METRICS, labels, KUBE_STATE_METRICS, KUBE_SYSTEM, role);

        var container = HardenedContainer.builder(KUBE_STATE_METRICS, image)
                .args("--port=" + KSM_METRICS_PORT, "--telemetry-port=" + KSM_TELEMETRY_PORT,
                        "--resources=" + String.join(",", KSM_RESOURCES.keySet()))
                .ports(port("http-metrics", KSM_METRICS_PORT), port("telemetry", KSM_TELEMETRY_PORT))
                .livenessProbe(httpProbe("/livez", KSM_METRICS_PORT, 5, 10, 3))
                .readinessProbe(httpProbe("/readyz", KSM_TELEMETRY_PORT, 5, 10, 3))
                .resources(resources("10m", "64Mi", "200m", "256Mi"))
                .volumeMounts(apiTokenMount())
                .build();
        var pod = HardenedPod.builder(KUBE_STATE_METRICS)
                .runAs(65534, 65534)
                .containers(container)
                .volumes(apiTokenVolume());
        this.deployment = new Deployment(KUBE_STATE_METRICS, HardenedDeployment.builder(Labels.selector(KUBE_STATE_METRICS),
                        podMeta(labels, Map.of()), pod)
                .replicas(1)
                .args(meta(KUBE_STATE_METRICS, KUBE_SYSTEM, labels)), owner.opts(List.of(sa, binding)));
        new Service(KUBE_STATE_METRICS, ClusterIpService.args(meta(KUBE_STATE_METRICS, KUBE_SYSTEM, labels),
                Labels.selector(KUBE_STATE_METRICS), "http-metrics", KSM_METRICS_PORT), owner.opts(List.of()));
    }

    Deployment deployment() {
        return deployment;
    }
}
