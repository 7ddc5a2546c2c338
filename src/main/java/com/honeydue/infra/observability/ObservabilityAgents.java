package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_LOGS;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_STATE_METRICS;
import static com.honeydue.infra.observability.ObservabilityPlan.NODE_EXPORTER;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT;

import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.Secret;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-cluster half of observability (runbook §2 table, §5 manifests/observability, §9.2–§9.6, §11.1):
 * kube-state-metrics ({@link KubeStateMetricsAgent}) and node-exporter ({@link NodeExporterAgent}) in kube-system;
 * vmagent ({@link VmagentAgent}) in the app namespace and alloy-logs ({@link AlloyLogsAgent}) in its own privileged
 * namespace, shipping to the operator's backend (obs.88oakapps.com, outside the cluster). Every agent can be switched off, and a
 * switched-off agent registers nothing. Decisions live in {@link ObservabilityPlan}; this class only wires them.
 */
public final class ObservabilityAgents extends ComponentResource {
    public static final String TYPE = "honeydue:observability:ObservabilityAgents";

    private final ObservabilityPlan plan;
    private final List<ServiceAccount> serviceAccounts = new ArrayList<>();
    private final List<NetworkPolicy> networkPolicies = new ArrayList<>();
    private final List<Resource> workloads = new ArrayList<>();

    public ObservabilityAgents(String name, ObservabilityAgentsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.plan = new ObservabilityPlan(args.config(), args.cluster(), args.namespace());
        var owner = new AgentParts.Owner(this, args.provider());

        if (plan.kubeStateMetrics()) {
            workloads.add(new KubeStateMetricsAgent(owner, args.config().kubeStateMetricsImage()).deployment());
        }
        if (plan.nodeExporter()) {
            workloads.add(new NodeExporterAgent(owner, args.config().nodeExporterImage()).daemonSet());
        }
        if (plan.vmagent()) {
            var vmagent = new VmagentAgent(owner, plan, args.namespace(), args.dependsOn(), args.config().vmagentImage(),
                    token(args));
            serviceAccounts.add(vmagent.serviceAccount());
            networkPolicies.add(vmagent.networkPolicy());
            workloads.add(vmagent.deployment());
        }
        if (plan.alloyLogs()) {
            // Its own namespace (Pod Security "privileged" there), so the app namespace can enforce "restricted".
            var alloy = new AlloyLogsAgent(owner, plan, args.config().alloyImage(), token(args));
            workloads.add(alloy.daemonSet());
            networkPolicies.addAll(alloy.networkPolicies());
        }

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("clusterLabel", Output.of(args.config().clusterLabel()));
        if (plan.alloyLogs()) {
            outputs.put("logsNamespace", Output.of(AlloyLogsAgent.NAMESPACE));
        }
        registerOutputs(outputs);
    }

    private static Secret token(ObservabilityAgentsArgs args) {
        return args.config().ingestToken().orElseThrow(() -> new IllegalStateException(
                "obsIngestToken is required when vmagent or alloy-logs is enabled (the config loader checks this)"));
    }

    // ------------------------------------------------------------------ accessors

    public ObservabilityPlan plan() {
        return plan;
    }

    /** Extra values for the k3s Traefik HelmChartConfig (owned by the app layer); empty when Traefik metrics are off. */
    public Map<String, Object> traefikMetricsValues() {
        return plan.traefikMetricsValues();
    }

    /** UFW openings node-level scraping needs (node-exporter :9100, hostNetwork Traefik :9101); see the plan. */
    public List<FirewallRuleSpec> nodeFirewallRules() {
        return plan.nodeFirewallRules();
    }

    /** The vmagent scrape config exactly as it lands in the ConfigMap. */
    public String scrapeConfigYaml() {
        return ScrapeConfigRenderer.yaml(plan.scrapeConfig());
    }

    public String alloyConfig() {
        return AlloyLogsConfig.render(plan.config().lokiPushUrl(), plan.externalLabels());
    }

    /** ServiceAccounts this component creates in the app namespace (vmagent when enabled). */
    public List<ServiceAccount> serviceAccounts() {
        return List.copyOf(serviceAccounts);
    }

    public List<NetworkPolicy> networkPolicies() {
        return List.copyOf(networkPolicies);
    }

    /** The agents' Deployments and DaemonSets, for anything that must wait for them. */
    public List<Resource> workloads() {
        return List.copyOf(workloads);
    }

    /** Which agents run, for the stack outputs. */
    public Map<String, Boolean> enabledAgents() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put(KUBE_STATE_METRICS, plan.kubeStateMetrics());
        m.put(NODE_EXPORTER, plan.nodeExporter());
        m.put(VMAGENT, plan.vmagent());
        m.put(ALLOY_LOGS, plan.alloyLogs());
        return m;
    }
}
