package com.honeydue.infra;

import com.honeydue.infra.app.HoneyDueApp;
import com.honeydue.infra.app.HoneyDueAppArgs;
import com.honeydue.infra.cluster.K3sNodeGroup;
import com.honeydue.infra.cluster.K3sNodeGroupArgs;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.cutover.CutoverConflictException;
import com.honeydue.infra.cutover.CutoverGuard;
import com.honeydue.infra.edge.CloudflareOriginPool;
import com.honeydue.infra.edge.CloudflareOriginPoolArgs;
import com.honeydue.infra.observability.ObservabilityAgents;
import com.honeydue.infra.observability.ObservabilityAgentsArgs;
import com.honeydue.infra.observability.ObservabilityPlan;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes the components of one stack from its typed config and exports the stack outputs. No resource logic.
 * Order: cluster → app → observability → edge. The edge's DNS depends on the app being ready, so `pulumi destroy`
 * removes DNS first, then the workloads, then the cluster.
 */
public final class HoneyDueStack {
    private HoneyDueStack() {}

    public static void define(Context ctx, StackConfig config) {
        boolean workerActive = config.app().workerReplicas() > 0;
        var intent = new CutoverGuard.Intent(workerActive, config.edge().ownsPublicDns(), config.edge().dnsJoin(),
                config.edge().sslMode().cloudflareValue(), config.edge().publicHostnames());
        // The cutover guard resolves before any component registers (they depend on it), so a refused update
        // changes nothing.
        Optional<Output<String>> guard = config.peerStack().map(peer -> cutoverGuard(config, peer, intent));
        ComponentResourceOptions gated = guard
                .map(g -> ComponentResourceOptions.builder().dependsOn(g.applyValue(ok -> List.<Resource>of())).build())
                .orElse(ComponentResourceOptions.Empty);

        var observabilityPlan = new ObservabilityPlan(config.observability(), config.cluster(), HoneyDueApp.NAMESPACE);
        // One Cloudflare list, one source: UFW 80/443 on every node and the Traefik cloudflare-only middleware.
        List<String> edgeAllowList = config.edge().allowListCidrs();
        // node-exporter listens on the nodes themselves, behind UFW: its scrape openings are part of the firewall plan.
        var cluster = new K3sNodeGroup("cluster", K3sNodeGroupArgs.builder(config.cluster())
                .httpAllowedCidrs(edgeAllowList)
                .componentRules(observabilityPlan.nodeFirewallRules())
                .build(), gated);

        var app = new HoneyDueApp("app", HoneyDueAppArgs.builder(config.app(), config.cluster())
                .provider(cluster.kubernetesProvider())
                .nodeLabels(cluster.nodeLabels())
                .cloudflareAllowList(edgeAllowList)
                .originTls(config.edge().originTls())
                .extraTraefikValues(traefikValues(config, observabilityPlan))
                .workerMetricsPort(config.observability().workerMetricsEnabled() && config.observability().vmagentEnabled()
                        ? java.util.OptionalInt.of(ObservabilityPlan.WORKER_METRICS_PORT) : java.util.OptionalInt.empty())
                .ingressReady(List.of(cluster.ingressControllerReady()))
                .build(), gated);

        var observability = new ObservabilityAgents("observability", ObservabilityAgentsArgs
                .builder(config.observability(), config.cluster())
                .provider(cluster.kubernetesProvider())
                .namespace(HoneyDueApp.NAMESPACE)
                .dependsOn(List.of(app.namespace()))
                .build(), gated);

        // DNS points Cloudflare at the origin only once the workloads are up and every node passed its smoke check.
        List<Resource> originReady = new java.util.ArrayList<>(app.readyResources());
        originReady.addAll(app.smokeChecks());
        var edge = new CloudflareOriginPool(CloudflareOriginPool.NAME, CloudflareOriginPoolArgs
                .builder(config.edge(), config.cluster(), config.stack())
                .k8sProvider(cluster.kubernetesProvider())
                .namespace(HoneyDueApp.NAMESPACE)
                .originReady(originReady)
                .build(), gated);

        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("nodes", nodeTable(config.cluster().nodes()));
        ctx.export("workerActive", Output.of(workerActive));
        ctx.export("ownsPublicDns", Output.of(edge.ownsPublicDns()));
        // What a peer's cutover guard reads besides workerActive and ownsPublicDns (and publicUrls).
        ctx.export("dnsJoin", Output.of(edge.dnsJoin()));
        ctx.export("sslMode", Output.of(config.edge().sslMode().cloudflareValue()));
        ctx.export("publicUrls", edge.publicUrls());
        ctx.export("smokeTestCommands", app.smokeTestCommands());
        ctx.export("observabilityAgents", observability.enabledAgents());
        ctx.export("observabilityClusterLabel", config.observability().clusterLabel());
        guard.ifPresent(g -> ctx.export("cutoverGuard", g));
    }

    /**
     * Extra values for k3s' Traefik chart: the metrics entrypoint when asked for, and on klipper-lb clusters the
     * Cloudflare allow-list as the Service's loadBalancerSourceRanges. klipper-lb forwards :80/:443 through the
     * FORWARD chain, past UFW's INPUT rules, so on OVH only svclb's own source filter enforces the list at L4.
     * The nodes' own addresses are added for the on-node smoke check.
     */
    private static Map<String, Object> traefikValues(StackConfig config, ObservabilityPlan observabilityPlan) {
        Map<String, Object> values = new LinkedHashMap<>(observabilityPlan.traefikMetricsValues());
        if (config.cluster().servicelb() && !config.edge().allowListCidrs().isEmpty()) {
            List<String> ranges = new java.util.ArrayList<>(config.edge().allowListCidrs());
            config.cluster().nodes().forEach(n -> ranges.add(n.ipv4() + "/32"));
            values.put("service", Map.of("spec", Map.of("loadBalancerSourceRanges", ranges)));
        }
        return values;
    }

    /**
     * Reads the peer stack's outputs; fails preview/up when both stacks would run the worker or own DNS, when a
     * hostname would be left without records, or when both would publish records in different SSL modes.
     */
    private static Output<String> cutoverGuard(StackConfig config, String peer, CutoverGuard.Intent intent) {
        var ref = new StackReference(CutoverGuard.PEER_REFERENCE_NAME, StackReferenceArgs.builder().name(peer).build());
        return Output.tuple(ref.output("workerActive"), ref.output("ownsPublicDns"), ref.output("dnsJoin"),
                ref.output("sslMode"), ref.output("publicUrls")).applyValue(t -> {
            var peerState = new CutoverGuard.PeerState(CutoverGuard.flag(t.t1), CutoverGuard.flag(t.t2),
                    CutoverGuard.flag(t.t3), CutoverGuard.text(t.t4), CutoverGuard.hostnames(t.t5));
            var violations = CutoverGuard.violations(config.stack(), peer, intent, peerState);
            if (!violations.isEmpty()) {
                throw new CutoverConflictException(violations);
            }
            return t.t1 == null && t.t2 == null ? "peer " + peer + " exports no cutover state yet" : "ok";
        });
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
