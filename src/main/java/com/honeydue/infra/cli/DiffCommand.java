package com.honeydue.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.render.PlanDiff;
import com.honeydue.infra.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff <dirA> <dirB>} compares two renders; {@code diff --stack A --against B} renders both stacks into
 * temporary directories first and shows how A differs from B (B is the "before" side).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show resources added, removed and changed between two renders, grouped by component.",
                "Exit codes: 0 identical, 1 different, 2 error."})
final class DiffCommand implements Callable<Integer> {
    static final class Stacks {
        @Option(names = "--stack", required = true, description = "the stack to show (the \"after\" side)")
        String stack;

        @Option(names = "--against", required = true, description = "the stack to compare with (the \"before\" side)")
        String against;
    }

    static final class Dirs {
        @Parameters(index = "0", description = "render directory A (before)")
        Path before;

        @Parameters(index = "1", description = "render directory B (after)")
        Path after;
    }

    static final class Mode {
        @ArgGroup(exclusive = false)
        Stacks stacks;

        @ArgGroup(exclusive = false)
        Dirs dirs;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--project-dir", defaultValue = ".", description = "directory holding Pulumi.yaml (default: current)")
    Path projectDir;

    @Override
    public Integer call() throws CliError {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (mode.dirs != null) {
                return report(read(mode.dirs.before), read(mode.dirs.after), mode.dirs.before.toString(), mode.dirs.after.toString());
            }
            Path tmp = Files.createTempDirectory("honeydue-diff-");
            try {
                Path before = renderInto(mode.stacks.against, tmp.resolve(mode.stacks.against), err);
                Path after = renderInto(mode.stacks.stack, tmp.resolve("after-" + mode.stacks.stack), err);
                return report(read(before), read(after), "rendered from Pulumi." + mode.stacks.against + ".yaml",
                        "rendered from Pulumi." + mode.stacks.stack + ".yaml");
            } finally {
                deleteRecursively(tmp);
            }
        } catch (CliError e) {
            // diff reserves 1 for "different": every failure is 2.
            throw new CliError(2, e.getMessage());
        } catch (IOException e) {
            throw new CliError(2, "error: " + e.getMessage());
        }
    }

    private Path renderInto(String stack, Path dir, PrintWriter err) throws CliError, IOException {
        Renderer.write(StackLoading.render(StackLoading.load(projectDir, stack, err), err), dir);
        return dir;
    }

    private static JsonNode read(Path dir) throws CliError {
        try {
            return PlanDiff.readPlan(dir);
        } catch (IOException e) {
            throw new CliError(2, "error: " + dir + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private int report(JsonNode before, JsonNode after, String beforeLabel, String afterLabel) {
        PlanDiff.Result result = PlanDiff.compare(before, after);
        spec.commandLine().getOut().print(PlanDiff.format(result, beforeLabel, afterLabel));
        spec.commandLine().getOut().flush();
        return result.identical() ? 0 : 1;
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
