package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.honeydue.infra.cluster.RemoteStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two renders by their plan.json. Resources are matched by (type, name); URNs are compared without
 * their stack and project. For two different stacks, per-node resource names are matched by node position
 * (plan.json "nodes": the i-th node's alias and k8sName stand for "node i"), so ovhcloud1-bootstrap pairs with
 * hetzner1-bootstrap. Noise is normalised away: a remote Command's create, update and delete strings are each
 * compared as their parameters (key by key) and script, and content hashes (64 hex digits) in triggers are
 * dropped because the script change they stand for is shown itself.
 */
public final class PlanDiff {
    private static final Pattern CONTENT_HASH = Pattern.compile("^[0-9a-f]{64}$");
    /** A remote Command's command strings, each compared as its parameters and its script. */
    private static final List<String> REMOTE_PHASES = List.of("create", "update", "delete");
    private static final Pattern URN_PREFIX = Pattern.compile("urn:pulumi:[^:]+::[^:]+::");

    /** One changed leaf; a null side means absent. Multi-line strings are shown as line diffs. */
    public record Change(String path, JsonNode before, JsonNode after) {}

    /** '+' added, '-' removed, '~' changed. */
    public record ResourceDiff(String component, char kind, String type, String beforeName, String afterName,
                               List<Change> changes) {}

    public record Result(String before, String after, List<Change> nodes, List<ResourceDiff> resources, List<Change> outputs) {
        public boolean identical() {
            return nodes.isEmpty() && resources.isEmpty() && outputs.isEmpty();
        }
    }

    private record Side(JsonNode plan, Map<String, JsonNode> byKey, Map<String, String> keyOfUrn, Map<String, String> component,
                        List<Map.Entry<Pattern, String>> tokens) {
        /** Cross-stack only: the i-th node's alias, k8sName and addresses written as &lt;nodeI...&gt;. */
        String tokenise(String s) {
            for (var t : tokens) {
                s = t.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(t.getValue()));
            }
            return s;
        }
    }

    private PlanDiff() {}

    public static JsonNode readPlan(Path renderDir) throws IOException {
        Path plan = renderDir.resolve("plan.json");
        if (!Files.isRegularFile(plan)) {
            throw new NoSuchFileException(plan.toString(), null, "not a render directory (no plan.json)");
        }
        return CanonicalJson.MAPPER.readTree(plan.toFile());
    }

    public static Result compare(JsonNode before, JsonNode after) {
        boolean crossStack = !before.path("stack").asText().equals(after.path("stack").asText());
        Side a = side(before, crossStack);
        Side b = side(after, crossStack);
        List<ResourceDiff> diffs = new ArrayList<>();
        for (var e : a.byKey().entrySet()) {
            JsonNode ra = e.getValue();
            JsonNode rb = b.byKey().get(e.getKey());
            if (rb == null) {
                diffs.add(new ResourceDiff(a.component().get(e.getKey()), '-', ra.path("type").asText(), ra.path("name").asText(), null, List.of()));
                continue;
            }
            List<Change> changes = changes(comparable(ra, a), comparable(rb, b));
            if (!changes.isEmpty()) {
                diffs.add(new ResourceDiff(b.component().get(e.getKey()), '~', ra.path("type").asText(), ra.path("name").asText(),
                        rb.path("name").asText(), changes));
            }
        }
        for (var e : b.byKey().entrySet()) {
            if (!a.byKey().containsKey(e.getKey())) {
                JsonNode rb = e.getValue();
                diffs.add(new ResourceDiff(b.component().get(e.getKey()), '+', rb.path("type").asText(), null, rb.path("name").asText(), List.of()));
            }
        }
        List<Change> outputs = changes(flatten(normalise(before.path("outputs"), a)), flatten(normalise(after.path("outputs"), b)));
        List<Change> nodes = crossStack ? changes(flatten(before.path("nodes")), flatten(after.path("nodes"))) : List.of();
        return new Result(before.path("stack").asText(), after.path("stack").asText(), nodes, diffs, outputs);
    }

    private static Side side(JsonNode plan, boolean crossStack) {
        List<Map.Entry<String, Map.Entry<Pattern, String>>> literals = new ArrayList<>();
        if (crossStack) {
            JsonNode nodes = plan.path("nodes");
            for (int i = 0; i < nodes.size(); i++) {
                String node = "<node" + (i + 1);
                for (String field : List.of("alias", "k8sName", "ipv4", "ipv6")) {
                    String v = nodes.get(i).path(field).asText("");
                    if (v.isEmpty()) {
                        continue;
                    }
                    // Whole tokens only: ovhcloud1 must not match inside ovhcloud10, nor 1.2.3.4 inside 1.2.3.45.
                    String[] around = switch (field) {
                        case "ipv4" -> new String[] {"(?<![0-9.])", "(?![0-9]|\\.[0-9])"};
                        case "ipv6" -> new String[] {"(?<![0-9a-fA-F:])", "(?![0-9a-fA-F]|:[0-9a-fA-F])"};
                        default -> new String[] {"(?<![A-Za-z0-9_])", "(?![A-Za-z0-9_])"};
                    };
                    Pattern p = Pattern.compile(around[0] + Pattern.quote(v) + around[1]);
                    literals.add(Map.entry(v, Map.entry(p, node + (field.equals("alias") ? "" : "." + field) + ">")));
                }
            }
            literals.sort((x, y) -> Integer.compare(y.getKey().length(), x.getKey().length()));
        }
        List<Map.Entry<Pattern, String>> tokens = literals.stream().map(Map.Entry::getValue).toList();
        Side tokeniser = new Side(plan, Map.of(), Map.of(), Map.of(), tokens);
        Map<String, JsonNode> byUrn = new HashMap<>();
        Map<String, String> keyOfUrn = new HashMap<>();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode r : plan.path("resources")) {
            // The stack itself is named after the stack: there is one per plan.
            String key = RenderGraph.STACK_TYPE.equals(r.path("type").asText()) ? RenderGraph.STACK_TYPE
                    : r.path("type").asText() + " " + tokeniser.tokenise(r.path("name").asText());
            byUrn.put(r.path("urn").asText(), r);
            keyOfUrn.put(r.path("urn").asText(), key);
            byKey.put(key, r);
        }
        Map<String, String> component = new HashMap<>();
        for (JsonNode r : plan.path("resources")) {
            String key = keyOfUrn.get(r.path("urn").asText());
            JsonNode cur = r;
            String label = "(stack)";
            while (cur != null && !cur.path("parent").isNull() && !cur.path("parent").isMissingNode()) {
                JsonNode parent = byUrn.get(cur.path("parent").asText());
                if (parent == null || RenderGraph.STACK_TYPE.equals(parent.path("type").asText())) {
                    label = cur.path("name").asText() + " (" + cur.path("type").asText() + ")";
                    break;
                }
                cur = parent;
            }
            component.put(key, label);
        }
        return new Side(plan, byKey, keyOfUrn, component, tokens);
    }

    /** The parts of a resource that matter, flattened to path → leaf, references as (type name) keys. */
    private static Map<String, JsonNode> comparable(JsonNode r, Side side) {
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode inputs = normalise(r.path("inputs"), side);
        if (inputs instanceof ObjectNode obj) {
            for (String phase : REMOTE_PHASES) {
                if (NodeSteps.REMOTE_COMMAND.equals(r.path("type").asText()) && obj.path(phase).isTextual()) {
                    RemoteStep step = NodeSteps.parse(obj.get(phase));
                    ObjectNode split = JsonNodeFactory.instance.objectNode();
                    ObjectNode env = split.putObject("env");
                    step.env().forEach((k, v) -> env.put(k, side.tokenise(v)));
                    split.put("script", side.tokenise(step.script()));
                    obj.set(phase, split);
                }
            }
            if (obj.path("triggers").isArray()) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                obj.get("triggers").forEach(t -> {
                    if (!(t.isTextual() && CONTENT_HASH.matcher(t.asText()).matches())) {
                        kept.add(t);
                    }
                });
                obj.set("triggers", kept);
            }
        }
        flatten(inputs, "", out);
        out.put("(parent)", TextNode.valueOf(Objects.toString(side.keyOfUrn().get(r.path("parent").asText()), "")));
        String provider = r.path("provider").isTextual() ? side.keyOfUrn().getOrDefault(r.path("provider").asText(), "?") : "";
        out.put("(provider)", TextNode.valueOf(provider));
        TreeSet<String> deps = new TreeSet<>();
        r.path("dependsOn").forEach(d -> deps.add(side.keyOfUrn().getOrDefault(d.asText(), d.asText())));
        out.put("(dependsOn)", TextNode.valueOf(String.join("\n", deps)));
        return out;
    }

    /** A copy with URNs stripped of stack and project and, across stacks, node names and addresses tokenised. */
    private static JsonNode normalise(JsonNode node, Side side) {
        if (node.isTextual()) {
            String s = URN_PREFIX.matcher(node.asText()).replaceAll("urn:pulumi:<stack>::<project>::");
            return TextNode.valueOf(side.tokenise(s));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normalise(e.getValue(), side)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(normalise(e, side)));
            return out;
        }
        return node;
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten(node, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static List<Change> changes(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Change> out = new ArrayList<>();
        for (String p : paths) {
            JsonNode va = a.get(p);
            JsonNode vb = b.get(p);
            if (!Objects.equals(va, vb)) {
                out.add(new Change(p, va, vb));
            }
        }
        return out;
    }

    /** Human-readable report, grouped by component. */
    public static String format(Result result, String beforeLabel, String afterLabel) {
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(result.before()).append(" (").append(beforeLabel).append(")\n");
        sb.append("+++ ").append(result.after()).append(" (").append(afterLabel).append(")\n");
        if (!result.before().equals(result.after())) {
            sb.append("(different stacks: resources matched by type and name; node N of one stack is matched with node N of\n"
                    + " the other, and their aliases, node names and addresses are written <nodeN>, <nodeN.ipv4>... below)\n");
            if (!result.nodes().isEmpty()) {
                sb.append("\nnodes\n");
                result.nodes().forEach(c -> change(sb, "  ", c));
            }
        }
        Map<String, List<ResourceDiff>> byComponent = new TreeMap<>();
        result.resources().forEach(d -> byComponent.computeIfAbsent(d.component(), k -> new ArrayList<>()).add(d));
        byComponent.forEach((component, diffs) -> {
            sb.append("\n").append(component).append("\n");
            for (ResourceDiff d : diffs) {
                sb.append("  ").append(d.kind()).append(' ').append(d.type()).append(' ');
                if (d.kind() == '~' && !d.beforeName().equals(d.afterName())) {
                    sb.append(d.beforeName()).append(" \u2192 ").append(d.afterName());
                } else {
                    sb.append(d.kind() == '+' ? d.afterName() : d.beforeName());
                }
                sb.append(d.kind() == '+' ? "  (added)" : d.kind() == '-' ? "  (removed)" : "").append("\n");
                d.changes().forEach(c -> change(sb, "      ", c));
            }
        });
        if (!result.outputs().isEmpty()) {
            sb.append("\nstack outputs\n");
            result.outputs().forEach(c -> change(sb, "  ", c));
        }
        long added = result.resources().stream().filter(d -> d.kind() == '+').count();
        long removed = result.resources().stream().filter(d -> d.kind() == '-').count();
        long changed = result.resources().stream().filter(d -> d.kind() == '~').count();
        sb.append("\n").append(result.identical() ? "no differences" : added + " added, " + removed + " removed, " + changed
                + " changed, " + result.outputs().size() + " output value(s) changed").append("\n");
        return sb.toString();
    }

    private static void change(StringBuilder sb, String indent, Change c) {
        String a = c.before() == null ? null : c.before().isTextual() ? c.before().asText() : c.before().toString();
        String b = c.after() == null ? null : c.after().isTextual() ? c.after().asText() : c.after().toString();
        boolean multiline = (a != null && a.contains("\n")) || (b != null && b.contains("\n"))
                || c.path().equals("(dependsOn)");
        if (multiline && a != null && b != null) {
            sb.append(indent).append(c.path()).append(":\n");
            LineDiff.of(a, b).forEach(l -> sb.append(indent).append("  ").append(l).append("\n"));
        } else {
            sb.append(indent).append(c.path()).append(": ").append(show(c.before())).append(" \u2192 ").append(show(c.after())).append("\n");
        }
    }

    private static String show(JsonNode v) {
        if (v == null) {
            return "(absent)";
        }
        String s = v.toString();
        return s.length() > 200 ? s.substring(0, 199) + "\u2026" : s;
    }
}
