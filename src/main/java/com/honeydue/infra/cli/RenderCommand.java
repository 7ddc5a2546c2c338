package com.honeydue.infra.cli;

import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.render.CanonicalJson;
import com.honeydue.infra.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render --stack <name> [--out DIR]}: writes everything the stack would apply, for review and diff. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Run the program under the mock engine and write plan.json, PLAN.md, graph.svg, dns.json, k8s/ and nodes/.",
                "Exit codes: 0 rendered, 2 missing/invalid stack file or config, 3 the program failed."})
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stack", required = true, description = "stack name: reads Pulumi.<stack>.yaml")
    String stack;

    @Option(names = "--out", description = "output directory (default: build/render/<stack> under the project)")
    Path out;

    @Option(names = "--project-dir", defaultValue = ".", description = "directory holding Pulumi.yaml (default: current)")
    Path projectDir;

    @Override
    public Integer call() throws CliError {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        StackConfig config = StackLoading.load(projectDir, stack, err);
        SortedMap<String, String> files = StackLoading.render(config, err);
        Path dir = out != null ? out : projectDir.resolve("build").resolve("render").resolve(stack);
        try {
            Renderer.write(files, dir);
        } catch (IOException e) {
            throw new CliError(StackLoading.BAD_INPUT, "error: cannot write " + dir + ": " + e.getMessage());
        }
        long k8s = files.keySet().stream().filter(f -> f.startsWith("k8s/")).count();
        long steps = files.keySet().stream().filter(Renderer::isStepScript).count();
        int dns = dnsRecordCount(files.get("dns.json"));
        err.println("render " + stack + ": wrote " + files.size() + " files to " + dir + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms (in-process, JVM start excluded)");
        err.flush();
        spec.commandLine().getOut().println(dir + ": " + k8s + " Kubernetes objects, " + steps + " node steps, " + dns + " DNS records; see "
                + dir.resolve("PLAN.md"));
        return 0;
    }

    private static int dnsRecordCount(String dnsJson) {
        try {
            return CanonicalJson.MAPPER.readTree(dnsJson).size();
        } catch (IOException e) {
            throw new IllegalStateException("render wrote an unreadable dns.json", e);
        }
    }
}
