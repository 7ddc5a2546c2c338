package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.ObservedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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

    /**
     * Replaces render's own entries under {@code dir} with {@code files}; anything else there is left alone. Every file
     * is first written to a staging directory next to them; only a complete render is moved into place (renames on
     * one file system), and a failure before that leaves {@code dir} exactly as it was.
     */
    public static void write(SortedMap<String, String> files, Path dir) throws IOException {
        OutputPaths.check(files.keySet(), OWNED);
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a directory");
        }
        boolean existed = Files.isDirectory(target);
        Path parent = target.getParent();
        if (!existed) {
            Files.createDirectories(parent);
        }
        Path staging = OutputPaths.freshDirectory(existed ? target : parent, "." + target.getFileName() + ".render-");
        try {
            for (var e : files.entrySet()) {
                Path file = OutputPaths.resolve(staging, e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            if (existed) {
                swapOwned(staging, target);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Moves the old owned entries aside, the new ones in, then drops the old; on any failure puts everything back. */
    private static void swapOwned(Path staging, Path target) throws IOException {
        Path old = OutputPaths.freshDirectory(target, ".render-old-");
        List<String> movedOut = new ArrayList<>();
        List<String> movedIn = new ArrayList<>();
        try {
            for (String owned : OWNED) {
                if (Files.exists(target.resolve(owned), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target.resolve(owned), old.resolve(owned), StandardCopyOption.ATOMIC_MOVE);
                    movedOut.add(owned);
                }
            }
            for (String owned : OWNED) {
                if (Files.exists(staging.resolve(owned))) {
                    Files.move(staging.resolve(owned), target.resolve(owned), StandardCopyOption.ATOMIC_MOVE);
                    movedIn.add(owned);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (String owned : movedIn) {
                Files.move(target.resolve(owned), staging.resolve(owned), StandardCopyOption.ATOMIC_MOVE);
            }
            for (String owned : movedOut) {
                Files.move(old.resolve(owned), target.resolve(owned), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteRecursively(old);
            throw e;
        }
        deleteRecursively(old);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
