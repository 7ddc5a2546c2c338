package com.honeydue.infra.render;

import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.engine.Declaration;
import com.honeydue.infra.engine.ObservedRun;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded resources in a stable order with their waves. Order: the program's declaration order (seen by
 * the declaration transformation; measured stable, unlike the monitor's registration order, which follows async
 * Output resolution and varied in 10 of 30 runs of the ovh stack). Declaration order is topological: a resource
 * can only depend on, or be parented to, one that was constructed before it.
 *
 * <p>A custom resource's wave is 1 + the highest wave among what it waits for: its dependencies (explicit and
 * through Outputs; a component stands for every custom resource under it) and its provider. Components and the
 * stack have no wave: the engine registers them without waiting.
 */
public final class RenderGraph {
    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /** One resource with everything render derives about it. */
    public record Node(int index, RecordedResource resource, List<String> dependsOn, String provider, String component,
                       int wave) {
        public String urn() {
            return resource.urn();
        }

        public String type() {
            return resource.type();
        }

        public String name() {
            return resource.name();
        }

        public boolean custom() {
            return resource.custom();
        }
    }

    private final StackRun run;
    private final List<NodeSpec> clusterNodes;
    private final List<Node> nodes;
    private final Map<String, Node> byUrn = new HashMap<>();
    private final Map<String, RecordedResource> resources = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    private RenderGraph(StackRun run, List<NodeSpec> clusterNodes, List<Node> nodes) {
        this.run = run;
        this.clusterNodes = List.copyOf(clusterNodes);
        this.nodes = List.copyOf(nodes);
        nodes.forEach(n -> {
            byUrn.put(n.urn(), n);
            resources.put(n.urn(), n.resource());
            if (n.resource().parent() != null) {
                children.computeIfAbsent(n.resource().parent(), k -> new ArrayList<>()).add(n.urn());
            }
        });
    }

    public static RenderGraph of(ObservedRun observed, List<NodeSpec> clusterNodes) {
        StackRun run = observed.run();
        crossCheck(observed);
        Map<String, Long> declared = new HashMap<>();
        observed.declarations().forEach(d -> declared.put(d.urn(), d.sequence()));
        Map<String, Integer> registered = new HashMap<>();
        for (int i = 0; i < run.resources().size(); i++) {
            registered.put(run.resources().get(i).urn(), i);
        }
        // Anything the transformation did not see (none today) goes last, by URN, so the order stays total.
        List<RecordedResource> ordered = new ArrayList<>(run.resources());
        ordered.sort(Comparator.<RecordedResource>comparingLong(r -> declared.getOrDefault(r.urn(), Long.MAX_VALUE))
                .thenComparing(RecordedResource::urn));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).urn(), i);
        }
        Map<String, RecordedResource> resources = new HashMap<>();
        ordered.forEach(r -> resources.put(r.urn(), r));
        Map<String, List<String>> children = new HashMap<>();
        ordered.forEach(r -> {
            if (r.parent() != null) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.urn());
            }
        });

        Map<String, Integer> waves = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            RecordedResource r = ordered.get(i);
            List<String> deps = new ArrayList<>(new LinkedHashSet<>(r.dependsOn()));
            deps.sort(Comparator.<String>comparingInt(u -> position.getOrDefault(u, Integer.MAX_VALUE)).thenComparing(u -> u));
            String provider = providerUrn(r.provider());
            int wave = r.custom() ? wave(r.urn(), resources, children, waves, new LinkedHashSet<>()) : 0;
            nodes.add(new Node(i, r, List.copyOf(deps), provider, component(r, resources), wave));
        }
        return new RenderGraph(run, clusterNodes, nodes);
    }

    /** Provider references are "urn::id"; the URN is what matters. */
    static String providerUrn(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        int cut = reference.lastIndexOf("::");
        return cut > 0 && reference.substring(0, cut).startsWith("urn:") ? reference.substring(0, cut) : reference;
    }

    private static int wave(String urn, Map<String, RecordedResource> resources, Map<String, List<String>> children,
                            Map<String, Integer> memo, Set<String> visiting) {
        Integer known = memo.get(urn);
        if (known != null) {
            return known;
        }
        if (!visiting.add(urn)) {
            throw new IllegalStateException("dependency cycle through " + urn);
        }
        RecordedResource r = resources.get(urn);
        int max = 0;
        for (String dep : waitsFor(r, resources, children)) {
            max = Math.max(max, wave(dep, resources, children, memo, visiting));
        }
        visiting.remove(urn);
        memo.put(urn, max + 1);
        return max + 1;
    }

    /** The custom resources r waits for: dependencies (components expanded to their custom descendants) and provider. */
    static Set<String> waitsFor(RecordedResource r, Map<String, RecordedResource> resources, Map<String, List<String>> children) {
        Set<String> out = new LinkedHashSet<>();
        List<String> direct = new ArrayList<>(r.dependsOn());
        String provider = providerUrn(r.provider());
        if (provider != null) {
            direct.add(provider);
        }
        for (String dep : direct) {
            RecordedResource d = resources.get(dep);
            if (d == null) {
                continue;
            }
            if (d.custom()) {
                out.add(dep);
            } else {
                customDescendants(dep, resources, children, out);
            }
        }
        out.remove(r.urn());
        return out;
    }

    private static void customDescendants(String urn, Map<String, RecordedResource> resources,
                                          Map<String, List<String>> children, Set<String> out) {
        for (String child : children.getOrDefault(urn, List.of())) {
            if (resources.get(child).custom()) {
                out.add(child);
            } else {
                customDescendants(child, resources, children, out);
            }
        }
    }

    /** The top-level component a resource belongs to (the child of the stack on its parent chain), or null. */
    private static String component(RecordedResource r, Map<String, RecordedResource> resources) {
        RecordedResource cur = r;
        while (cur != null && cur.parent() != null) {
            RecordedResource parent = resources.get(cur.parent());
            if (parent == null || STACK_TYPE.equals(parent.type())) {
                return cur.custom() ? null : cur.urn();
            }
            cur = parent;
        }
        return null;
    }

    /**
     * The two observers must agree: every declared parent and explicit dependsOn must be in what the monitor
     * received. If an SDK upgrade changes either internal hook, render fails here instead of writing a wrong graph.
     */
    static void crossCheck(ObservedRun observed) {
        Map<String, RecordedResource> recorded = new HashMap<>();
        observed.run().resources().forEach(r -> recorded.put(r.urn(), r));
        List<String> problems = new ArrayList<>();
        for (Declaration d : observed.declarations()) {
            RecordedResource r = recorded.get(d.urn());
            if (r == null) {
                problems.add(d.urn() + " was declared but never registered");
                continue;
            }
            if (d.parent() != null && !d.parent().equals(r.parent())) {
                problems.add(d.urn() + ": declared parent " + d.parent() + ", monitor saw " + r.parent());
            }
            for (String dep : d.explicitDependsOn()) {
                RecordedResource target = recorded.get(dep);
                boolean component = target != null && !target.custom();
                if (!component && !r.dependsOn().contains(dep)) {
                    problems.add(d.urn() + ": explicit dependsOn " + dep + " missing from the monitor's dependencies");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the mock engine's graph and the declared graph disagree (Pulumi SDK "
                    + "internals changed?):\n  " + String.join("\n  ", problems));
        }
    }

    public StackRun run() {
        return run;
    }

    public List<NodeSpec> clusterNodes() {
        return clusterNodes;
    }

    /** Every resource, stack and components included, in the stable order. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Node> customNodes() {
        return nodes.stream().filter(Node::custom).toList();
    }

    public Node byUrn(String urn) {
        return byUrn.get(urn);
    }

    /** A component's display name ("cluster"); "(stack)" for resources directly under the stack. */
    public String componentLabel(Node n) {
        if (n.component() == null) {
            return "(stack)";
        }
        Node c = byUrn.get(n.component());
        return c.name() + " (" + c.type() + ")";
    }

    /** Custom resources this one waits for, in the stable order. */
    public List<Node> waitsFor(Node n) {
        return waitsFor(n.resource(), resources, children).stream().map(byUrn::get)
                .sorted(Comparator.comparingInt(Node::index)).toList();
    }

    public int waveCount() {
        return nodes.stream().mapToInt(Node::wave).max().orElse(0);
    }

    /** Custom resources by wave (1-based), each in the stable order. */
    public List<List<Node>> waves() {
        List<List<Node>> out = new ArrayList<>();
        for (int w = 1; w <= waveCount(); w++) {
            int wave = w;
            out.add(customNodes().stream().filter(n -> n.wave() == wave).toList());
        }
        return out;
    }

    /**
     * The longest chain of resources that must run one after another (by count: render has no durations). Ends
     * at the first resource of the last wave and walks back through the earliest predecessor one wave below.
     */
    public List<Node> criticalPath() {
        List<Node> path = new ArrayList<>();
        Node cur = customNodes().stream().filter(n -> n.wave() == waveCount()).findFirst().orElse(null);
        while (cur != null) {
            path.add(0, cur);
            int want = cur.wave() - 1;
            cur = waitsFor(cur).stream().filter(d -> d.wave() == want).findFirst().orElse(null);
        }
        return path;
    }
}
