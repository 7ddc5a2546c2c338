package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.ObservedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Offline render of one stack: runs the real program under the mock engine and turns the recorded graph into
 * files (plan.json, PLAN.md, graph.svg, dns.json, k8s/, nodes/). {@link #files} is pure and byte-stable for the
 * same inputs: no timestamps, no durations, no hash-map order.
 */
public final class Renderer {
    /** What render owns in its output directory; only these are replaced, so a stale object never lingers. */
    public static final List<String> OWNED = List.of("plan.json", "PLAN.md", "graph.svg", "dns.json", "k8s", "nodes");

    private Renderer() {}

    /** Runs the program for this config and renders it; progress lines go to {@code progress}. */
    public static SortedMap<String, String> render(StackConfig config, Consumer<String> progress) {
        progress.accept("running the program under the mock engine");
        long t0 = System.nanoTime();
        ObservedRun observed = MockStackRunner.runObserved(config);
        progress.accept("recorded " + observed.run().resources().size() + " resources in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return files(RenderGraph.of(observed, config.cluster().nodes()));
    }

    /** Relative path → content of every rendered file. */
    public static SortedMap<String, String> files(RenderGraph graph) {
        SortedMap<String, String> files = new TreeMap<>();
        List<KubernetesObjects.K8sObject> objects = KubernetesObjects.extract(graph);
        Map<String, List<NodeSteps.NodeStep>> steps = NodeSteps.extract(graph);
        ArrayNode dns = DnsRecords.extract(graph);

        files.put("plan.json", CanonicalJson.pretty(PlanJson.of(graph)));
        files.put("dns.json", CanonicalJson.pretty(dns));
        objects.forEach(o -> files.put("k8s/" + o.fileName(), Yaml.write(o.object())));
        steps.forEach((node, list) -> list.forEach(s -> {
            files.put("nodes/" + node + "/" + s.fileStem() + ".env", s.parsed().envFile());
            files.put("nodes/" + node + "/" + s.fileStem() + ".sh", s.parsed().script());
            s.onDelete().ifPresent(d -> {
                files.put("nodes/" + node + "/" + s.fileStem() + NodeSteps.DELETE_SUFFIX + ".env", d.envFile());
                files.put("nodes/" + node + "/" + s.fileStem() + NodeSteps.DELETE_SUFFIX + ".sh", d.script());
            });
        }));
        files.put("PLAN.md", PlanMarkdown.of(graph, objects, steps, dns));
        files.put("graph.svg", GraphSvg.of(graph));
        return files;
    }

    /** nodes/&lt;node&gt;/NN-&lt;step&gt;.sh: one per node step (a step's .delete.sh is part of that step). */
    public static boolean isStepScript(String file) {
        return file.startsWith("nodes/") && file.endsWith(".sh") && !file.endsWith(NodeSteps.DELETE_SUFFIX + ".sh");
    }

    /** Replaces render's own entries under {@code dir} with {@code files}; anything else there is left alone. */
    public static void write(SortedMap<String, String> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String owned : OWNED) {
            deleteRecursively(dir.resolve(owned));
        }
        for (var e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
