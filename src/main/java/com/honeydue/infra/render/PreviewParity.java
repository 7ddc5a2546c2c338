package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Does the offline render say what the real engine plans? Compares a render's plan.json with the steps of
 * `pulumi preview --json` for the same stack and config: the same URNs, types, parents and providers, the same
 * inputs ({@link InputParity} lists the allowances), and the same dependencies where both sides know them.
 *
 * <p>Dependencies: during a preview the engine reports no property dependency for an input whose value is still
 * unknown (e.g. the join token a step reads on stdin). So: every dependency the preview lists must be in the render;
 * every one the render lists must be in the preview, unless it only comes through such an unknown input; and per
 * input, the lists must be equal wherever the preview knows the value.
 */
public final class PreviewParity {
    /** One disagreement: the resource, and what differs (an input's JSON pointer, or "type", "parent"...). */
    public record Difference(String urn, String what) {
        @Override
        public String toString() {
            return urn + "\n    " + what;
        }
    }

    /** What a comparison found; {@code ops} counts the preview's planned operations (create, update, ...). */
    public record Report(String stack, int rendered, int previewed, int matched, Map<String, Integer> ops,
                         List<Difference> differences) {
        public long inputDifferences() {
            return differences.stream().filter(d -> d.what().startsWith("inputs")).count();
        }

        public boolean agrees() {
            return differences.isEmpty() && matched == rendered && matched == previewed;
        }

        public String summary() {
            return "parity " + stack + ": " + matched + "/" + Math.max(rendered, previewed) + " resources, "
                    + inputDifferences() + " input differences, " + (differences.size() - inputDifferences())
                    + " other differences";
        }
    }

    private PreviewParity() {}

    public static Report compare(JsonNode plan, JsonNode preview) {
        Map<String, JsonNode> rendered = new LinkedHashMap<>();
        plan.path("resources").forEach(r -> rendered.put(r.path("urn").asText(), r));
        Map<String, JsonNode> previewed = new LinkedHashMap<>();
        Map<String, Integer> ops = new TreeMap<>();
        for (JsonNode step : preview.path("steps")) {
            JsonNode state = step.has("newState") ? step.get("newState") : step.path("oldState");
            String urn = state.path("urn").asText(step.path("urn").asText());
            if (isDefaultProvider(urn)) {
                continue; // the engine's default providers are not resources the program registers
            }
            previewed.put(urn, step);
            ops.merge(step.path("op").asText("?"), 1, Integer::sum);
        }
        List<Difference> differences = new ArrayList<>();
        int matched = 0;
        for (var e : rendered.entrySet()) {
            JsonNode step = previewed.get(e.getKey());
            if (step == null) {
                differences.add(new Difference(e.getKey(), "only in the render"));
                continue;
            }
            matched++;
            compareResource(e.getKey(), e.getValue(), step, differences);
        }
        previewed.keySet().stream().filter(urn -> !rendered.containsKey(urn))
                .forEach(urn -> differences.add(new Difference(urn, "only in the preview")));
        return new Report(plan.path("stack").asText(), rendered.size(), previewed.size(), matched, ops, differences);
    }

    private static void compareResource(String urn, JsonNode r, JsonNode step, List<Difference> out) {
        JsonNode state = step.path("newState");
        String type = r.path("type").asText();
        same(urn, "type", type, state.path("type").asText(null), out);
        same(urn, "parent", r.path("parent").asText(null), state.path("parent").asText(null), out);
        String provider = r.path("provider").isNull() ? null : r.path("provider").asText(null);
        String previewProvider = urnOf(state.path("provider").asText(null));
        if (provider != null || (previewProvider != null && !isDefaultProvider(previewProvider))) {
            same(urn, "provider", provider, previewProvider, out);
        }
        if (r.path("type").asText().equals("pulumi:pulumi:Stack") || !state.path("custom").asBoolean(true)) {
            return; // the stack and components have no inputs of their own
        }
        InputParity.differences(type, r.path("inputs"), state.path("inputs"))
                .forEach(d -> out.add(new Difference(urn, "inputs" + d)));
        compareDependencies(urn, r, state, out);
    }

    private static void compareDependencies(String urn, JsonNode r, JsonNode state, List<Difference> out) {
        Map<String, Set<String>> renderedProps = propertyDependencies(r.path("propertyDependencies"));
        Map<String, Set<String>> previewProps = propertyDependencies(state.path("propertyDependencies"));
        Set<String> rendered = strings(r.path("dependsOn"));
        Set<String> previewed = strings(state.path("dependencies"));
        // What the engine cannot know yet: the dependencies of inputs whose value is unknown during the preview.
        Set<String> unknowable = new TreeSet<>();
        renderedProps.forEach((property, urns) -> {
            if (previewProps.getOrDefault(property, Set.of()).isEmpty()
                    && InputParity.containsUnknown(state.path("inputs").get(property))) {
                unknowable.addAll(urns);
            }
        });
        Set<String> onlyPreview = new TreeSet<>(previewed);
        onlyPreview.removeAll(rendered);
        Set<String> onlyRender = new TreeSet<>(rendered);
        onlyRender.removeAll(previewed);
        onlyRender.removeAll(unknowable);
        if (!onlyPreview.isEmpty() || !onlyRender.isEmpty()) {
            out.add(new Difference(urn, "dependsOn: only in the render " + onlyRender + ", only in the preview " + onlyPreview));
        }
        Set<String> properties = new TreeSet<>(renderedProps.keySet());
        properties.addAll(previewProps.keySet());
        for (String property : properties) {
            Set<String> p = previewProps.getOrDefault(property, Set.of());
            if (p.isEmpty() && InputParity.containsUnknown(state.path("inputs").get(property))) {
                continue; // unknown during preview: the engine cannot know where it comes from yet
            }
            same(urn, "dependencies of input " + property, renderedProps.getOrDefault(property, Set.of()), p, out);
        }
    }

    private static Map<String, Set<String>> propertyDependencies(JsonNode node) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            Set<String> urns = strings(e.getValue());
            if (!urns.isEmpty()) {
                out.put(e.getKey(), urns);
            }
        }
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return new TreeSet<>(out);
    }

    private static void same(String urn, String what, Object rendered, Object previewed, List<Difference> out) {
        if (rendered == null ? previewed != null : !rendered.equals(previewed)) {
            out.add(new Difference(urn, what + ": render " + rendered + ", preview " + previewed));
        }
    }

    /** A provider reference is {@code <urn>::<id>}; the id is unknown in a preview. */
    private static String urnOf(String providerReference) {
        if (providerReference == null) {
            return null;
        }
        String[] parts = providerReference.split("::", -1);
        return parts.length > 4 ? String.join("::", java.util.Arrays.copyOf(parts, 4)) : providerReference;
    }

    /** {@code urn:pulumi:<stack>::<project>::[...$]pulumi:providers:<pkg>::default[_<version>]}. */
    private static boolean isDefaultProvider(String urn) {
        String[] parts = urn.split("::", -1);
        if (parts.length < 4) {
            return false;
        }
        String type = parts[2].substring(parts[2].lastIndexOf('$') + 1);
        return type.startsWith("pulumi:providers:") && parts[3].startsWith("default");
    }
}
