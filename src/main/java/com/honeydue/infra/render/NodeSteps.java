package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.cluster.RemoteStep;
import com.honeydue.infra.values.NodeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every remote step (command:remote:Command) per node, in the order it runs there: by wave, then by the stable
 * resource order. A Command's node is the cluster node whose IPv4 or IPv6 is its connection.host (an unknown
 * host keeps the host as its directory name). The create string splits back into .env and .sh with
 * {@link RemoteStep#parse}; so does the delete string (what {@code pulumi destroy} or removing the node from
 * config runs there), as NN-&lt;step&gt;.delete.env/.sh next to the step. Local commands (command:local:Command)
 * run on the operator's machine, not on a node, and are not node steps.
 */
public final class NodeSteps {
    public static final String REMOTE_COMMAND = "command:remote:Command";

    /** File suffix of a step's delete command: NN-&lt;step&gt;.delete.sh and .delete.env. */
    public static final String DELETE_SUFFIX = ".delete";

    /**
     * One step file pair, nodes/&lt;node&gt;/&lt;fileStem&gt;.sh and .env, plus the pair of its delete command if it
     * has one.
     */
    public record NodeStep(String node, String fileStem, String step, RemoteStep parsed, Optional<RemoteStep> onDelete,
                           boolean secretStdin, RenderGraph.Node source) {}

    private NodeSteps() {}

    /** Node directory → steps, cluster nodes first in config order, then unknown hosts by name. */
    public static Map<String, List<NodeStep>> extract(RenderGraph graph) {
        Map<String, String> aliasByHost = new LinkedHashMap<>();
        for (NodeSpec n : graph.clusterNodes()) {
            aliasByHost.put(n.ipv4(), n.alias());
            n.ipv6().ifPresent(v6 -> aliasByHost.put(v6, n.alias()));
        }
        Map<String, List<RenderGraph.Node>> byNode = new TreeMap<>();
        for (RenderGraph.Node n : graph.customNodes()) {
            if (!REMOTE_COMMAND.equals(n.type())) {
                continue;
            }
            JsonNode host = n.resource().inputs().path("connection").path("host");
            String node = aliasByHost.getOrDefault(host.asText(), KubernetesObjects.safe(host.isTextual() ? host.asText() : "unknown-host"));
            byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(n);
        }
        Map<String, List<NodeStep>> out = new LinkedHashMap<>();
        graph.clusterNodes().forEach(n -> {
            if (byNode.containsKey(n.alias())) {
                out.put(n.alias(), null);
            }
        });
        byNode.keySet().forEach(k -> out.putIfAbsent(k, null));
        for (String node : out.keySet()) {
            List<RenderGraph.Node> commands = new ArrayList<>(byNode.get(node));
            commands.sort(Comparator.comparingInt(RenderGraph.Node::wave).thenComparingInt(RenderGraph.Node::index));
            int width = Math.max(2, Integer.toString(commands.size()).length());
            List<NodeStep> steps = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                RenderGraph.Node c = commands.get(i);
                String step = c.name().startsWith(node + "-") ? c.name().substring(node.length() + 1) : c.name();
                String stem = String.format(Locale.ROOT, "%0" + width + "d-%s", i + 1, KubernetesObjects.safe(step));
                boolean secretStdin = c.resource().secretPaths().contains("/stdin");
                JsonNode delete = c.resource().inputs().path("delete");
                Optional<RemoteStep> onDelete = delete.isMissingNode() || delete.isNull() ? Optional.empty() : Optional.of(parse(delete));
                steps.add(new NodeStep(node, stem, step, parse(c.resource().inputs().path("create")), onDelete, secretStdin, c));
            }
            out.put(node, List.copyOf(steps));
        }
        return out;
    }

    /** A create string not written by RemoteStep (or a secret one) is kept whole as the script. */
    static RemoteStep parse(JsonNode create) {
        String text = create.isTextual() ? create.asText() : create.toString();
        try {
            return RemoteStep.parse(text);
        } catch (IllegalArgumentException e) {
            return new RemoteStep("", text, Map.of());
        }
    }
}
