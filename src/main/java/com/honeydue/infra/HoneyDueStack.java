package com.honeydue.infra;

import com.honeydue.infra.cluster.K3sNodeGroup;
import com.honeydue.infra.cluster.K3sNodeGroupArgs;
import com.honeydue.infra.config.NodeSpec;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.edge.CloudflareOriginPool;
import com.honeydue.infra.edge.CloudflareOriginPoolArgs;
import com.honeydue.infra.observability.ObservabilityAgents;
import com.honeydue.infra.observability.ObservabilityAgentsArgs;
import com.honeydue.infra.observability.ObservabilityPlan;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Composes the components of one stack from its typed config and exports the stack outputs. No resource logic. */
public final class HoneyDueStack {
    private HoneyDueStack() {}

    public static void define(Context ctx, StackConfig config) {
        // The edge's allow-list is config, so UFW gets it before any component exists: one list, one source.
        // node-exporter listens on the nodes themselves, behind UFW: its scrape openings are part of the firewall plan.
        var scrapeOpenings = new ObservabilityPlan(config.observability(), config.cluster(), "honeydue").nodeFirewallRules();
        var cluster = new K3sNodeGroup("cluster", new K3sNodeGroupArgs(config.cluster(), config.edge().allowListCidrs(),
                scrapeOpenings), ComponentResourceOptions.Empty);
        // originReady (the app's ready resources) is wired when HoneyDueApp joins; namespace honeydue is the app's.
        var edge = new CloudflareOriginPool("edge", new CloudflareOriginPoolArgs(config.edge(), config.cluster(), config.stack(),
                Optional.of(cluster.kubernetesProvider()), "honeydue", List.of()), ComponentResourceOptions.Empty);

        // The app's Namespace joins dependsOn (and "honeydue" becomes app.namespace()'s name) when the app layer lands.
        var observability = new ObservabilityAgents("observability", new ObservabilityAgentsArgs(config.observability(),
                config.cluster(), cluster.kubernetesProvider(), "honeydue", List.of()), ComponentResourceOptions.Empty);

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("observabilityAgents", observability.enabledAgents());
        ctx.export("observabilityClusterLabel", config.observability().clusterLabel());
        ctx.export("nodes", nodeTable(config.cluster().nodes()));
        ctx.export("ownsPublicDns", Output.of(edge.ownsPublicDns()));
        ctx.export("publicUrls", Output.of(edge.publicUrls()));
    }

    private static List<Map<String, String>> nodeTable(List<NodeSpec> nodes) {
        return nodes.stream().map(n -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("alias", n.alias());
            row.put("k8sName", n.k8sName());
            row.put("ipv4", n.ipv4());
            row.put("ipv6", n.ipv6().orElse(""));
            return row;
        }).toList();
    }
}
