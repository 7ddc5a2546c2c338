package com.honeydue.infra;

import com.honeydue.infra.app.HoneyDueApp;
import com.honeydue.infra.app.HoneyDueAppArgs;
import com.honeydue.infra.cluster.K3sNodeGroup;
import com.honeydue.infra.cluster.K3sNodeGroupArgs;
import com.honeydue.infra.config.NodeSpec;
import com.honeydue.infra.config.StackConfig;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Composes the components of one stack from its typed config and exports the stack outputs. No resource logic. */
public final class HoneyDueStack {
    private HoneyDueStack() {}

    public static void define(Context ctx, StackConfig config) {
        var cluster = new K3sNodeGroup("cluster", new K3sNodeGroupArgs(config.cluster(), List.of()),
                ComponentResourceOptions.Empty);

        var app = new HoneyDueApp("app", new HoneyDueAppArgs(config.app(), config.cluster(), cluster.kubernetesProvider(),
                cluster.nodeLabels(), List.of(), false, "restricted", Map.of()), ComponentResourceOptions.Empty);

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("nodes", nodeTable(config.cluster().nodes()));
        ctx.export("smokeTestCommands", Output.of(app.smokeTestCommands()));
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
