package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.honeydue.infra.cluster.RemoteStep;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.engine.FakeProviderMocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** PLAN.md: the render for a human reviewer. Everything in it comes from the same graph as the other files. */
final class PlanMarkdown {
    static final String LOCAL_COMMAND = "command:local:Command";

    private PlanMarkdown() {}

    static String of(RenderGraph g, List<KubernetesObjects.K8sObject> objects, Map<String, List<NodeSteps.NodeStep>> steps,
                     ArrayNode dns) {
        StringBuilder md = new StringBuilder();
        md.append("# Render plan: ").append(g.run().project()).append(" / ").append(g.run().stack()).append("\n\n");
        md.append("Offline render under the Pulumi mock engine. Nothing was applied. Provider outputs are fakes marked `")
                .append(FakeProviderMocks.FAKE).append("`; secrets and values derived from them show as `[secret]`.\n\n");

        counts(md, g);
        waves(md, g);
        criticalPath(md, g);
        nodeSteps(md, g, steps);
        localCommands(md, g);
        kubernetes(md, objects);
        dns(md, dns);
        outputs(md, g);
        return md.toString();
    }

    private static void counts(StringBuilder md, RenderGraph g) {
        md.append("## Resources by component\n\n| Component | Type | Count |\n|---|---|---:|\n");
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (RenderGraph.Node n : g.customNodes()) {
            counts.computeIfAbsent(g.componentLabel(n), k -> new TreeMap<>()).merge(n.type(), 1, Integer::sum);
        }
        counts.forEach((component, types) -> types.forEach((type, count) ->
                md.append("| ").append(cell(component)).append(" | `").append(type).append("` | ").append(count).append(" |\n")));
        long components = g.nodes().stream().filter(n -> !n.custom() && !RenderGraph.STACK_TYPE.equals(n.type())).count();
        md.append("\n").append(g.customNodes().size()).append(" resources in ").append(components)
                .append(" component(s), plus the stack.\n\n");
    }

    private static void waves(StringBuilder md, RenderGraph g) {
        md.append("## Order of operations\n\n")
                .append("A resource's wave is one more than the highest wave of what it waits for (its dependencies, ")
                .append("explicit or through Outputs, and its provider). Everything in a wave can run in parallel once ")
                .append("the waves before it are done.\n\n");
        List<List<RenderGraph.Node>> waves = g.waves();
        for (int w = 0; w < waves.size(); w++) {
            List<RenderGraph.Node> wave = waves.get(w);
            md.append(w + 1).append(". **Wave ").append(w + 1).append("** (").append(wave.size())
                    .append(wave.size() == 1 ? " resource" : " in parallel").append(")\n");
            Map<String, List<String>> byType = new LinkedHashMap<>();
            wave.forEach(n -> byType.computeIfAbsent(n.type(), k -> new ArrayList<>()).add(n.name()));
            byType.forEach((type, names) -> md.append("   - `").append(type).append("`: ")
                    .append(String.join(", ", names)).append("\n"));
        }
        md.append("\n");
    }

    private static void criticalPath(StringBuilder md, RenderGraph g) {
        List<RenderGraph.Node> path = g.criticalPath();
        md.append("## Critical path\n\n").append(path.size())
                .append(" resources that must run one after another (the longest dependency chain):\n\n");
        for (int i = 0; i < path.size(); i++) {
            md.append(i + 1).append(". ").append(path.get(i).name()).append(" (`").append(path.get(i).type()).append("`)\n");
        }
        md.append("\n");
    }

    private static void nodeSteps(StringBuilder md, RenderGraph g, Map<String, List<NodeSteps.NodeStep>> steps) {
        md.append("## Node steps\n\nEach step is `nodes/<node>/NN-<step>.sh` with its parameters in the matching `.env` ")
                .append("(run as `set -a; . NN-<step>.env; set +a; bash NN-<step>.sh`), in the order it runs on that node. ")
                .append("A step with an *on delete* command has it in `NN-<step>.delete.sh` + `.delete.env`: what `pulumi destroy` ")
                .append("or removing the node from config runs there.\n\n");
        if (steps.isEmpty()) {
            md.append("(no remote steps)\n\n");
        }
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        g.clusterNodes().forEach(n -> nodes.put(n.alias(), n));
        steps.forEach((node, list) -> {
            NodeSpec spec = nodes.get(node);
            md.append("### ").append(node);
            if (spec != null) {
                md.append(" (").append(spec.ipv4()).append(", node ").append(spec.k8sName()).append(")");
            }
            md.append("\n\n| # | Step | Wave | Parameters | stdin | On delete |\n|---|---|---:|---|---|---|\n");
            for (NodeSteps.NodeStep s : list) {
                md.append("| ").append(s.fileStem(), 0, s.fileStem().indexOf('-')).append(" | ").append(s.step())
                        .append(" | ").append(s.source().wave()).append(" | ").append(parameters(s.parsed()))
                        .append(" | ").append(s.secretStdin() ? "[secret]" : "").append(" | ")
                        .append(s.onDelete().map(d -> "`" + s.fileStem() + NodeSteps.DELETE_SUFFIX + ".sh` (" + parameters(d) + ")").orElse(""))
                        .append(" |\n");
            }
            md.append("\n");
        });
    }

    private static String parameters(RemoteStep step) {
        return step.env().keySet().stream().filter(k -> !k.equals("STEP_NAME")).collect(Collectors.joining(", "));
    }

    /** command:local:Command runs where `pulumi up` runs (e.g. a smoke check), so it is listed here, not under a node. */
    private static void localCommands(StringBuilder md, RenderGraph g) {
        List<RenderGraph.Node> local = g.customNodes().stream().filter(n -> LOCAL_COMMAND.equals(n.type())).toList();
        md.append("## Local commands\n\nRun on the machine that runs `pulumi up`, not on a node.\n\n");
        if (local.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        for (RenderGraph.Node n : local) {
            md.append("### ").append(n.name()).append(" (").append(cell(g.componentLabel(n))).append(", wave ").append(n.wave())
                    .append(")\n\n");
            for (String phase : List.of("create", "update", "delete")) {
                JsonNode command = n.resource().inputs().path(phase);
                if (command.isMissingNode() || command.isNull()) {
                    continue;
                }
                String text = command.isTextual() ? command.asText() : command.toString();
                md.append(phase).append(":\n\n").append(fence(text)).append("sh\n").append(text)
                        .append(text.endsWith("\n") ? "" : "\n").append(fence(text)).append("\n\n");
            }
        }
    }

    /** A code fence longer than any backtick run in the text. */
    private static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char ch : text.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static void kubernetes(StringBuilder md, List<KubernetesObjects.K8sObject> objects) {
        md.append("## Kubernetes objects\n\n");
        if (objects.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        md.append("| File | Kind | Namespace | Name | Wave |\n|---|---|---|---|---:|\n");
        objects.forEach(o -> md.append("| k8s/").append(o.fileName()).append(" | ").append(o.kind()).append(o.patch() ? " (patch)" : "")
                .append(" | ").append(o.namespace()).append(" | ").append(cell(o.name())).append(" | ").append(o.source().wave()).append(" |\n"));
        md.append("\n");
    }

    private static void dns(StringBuilder md, ArrayNode dns) {
        md.append("## DNS records\n\n");
        if (dns.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        md.append("| Zone | Name | Type | Content | Proxied | TTL |\n|---|---|---|---|---|---:|\n");
        for (JsonNode r : dns) {
            md.append("|");
            DnsRecords.COLUMNS.forEach(c -> md.append(" ").append(cell(text(r.get(c)))).append(" |"));
            md.append("\n");
        }
        md.append("\n");
    }

    private static void outputs(StringBuilder md, RenderGraph g) {
        md.append("## Stack outputs\n\n| Output | Value |\n|---|---|\n");
        new TreeMap<>(g.run().outputs()).forEach((k, v) ->
                md.append("| ").append(k).append(" | `").append(cell(CanonicalJson.of(v).toString())).append("` |\n"));
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
