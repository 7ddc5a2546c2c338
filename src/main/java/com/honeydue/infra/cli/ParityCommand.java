package com.honeydue.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.render.CanonicalJson;
import com.honeydue.infra.render.PreviewParity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity --plan plan.json --preview preview.json}: does the render plan what the real engine plans? */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = {"Compare a render's plan.json with `pulumi preview --json` of the same stack and config:",
                "URNs, types, parents, providers, inputs and dependencies (see docs/render.md).",
                "Exit codes: 0 they agree, 1 they differ (every difference is printed), 2 unreadable input."})
final class ParityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, description = "plan.json written by `render`")
    Path plan;

    @Option(names = "--preview", required = true, description = "the stdout of `pulumi preview --json`")
    Path preview;

    @Option(names = "--max-differences", defaultValue = "200", description = "print at most this many (default: 200)")
    int maxDifferences;

    @Override
    public Integer call() throws CliError {
        PreviewParity.Report report = PreviewParity.compare(read(plan, "plan"), read(preview, "preview"));
        PrintWriter out = spec.commandLine().getOut();
        report.differences().stream().limit(maxDifferences).forEach(d -> out.println("  " + d));
        if (report.differences().size() > maxDifferences) {
            out.println("  ... and " + (report.differences().size() - maxDifferences) + " more");
        }
        out.println(report.summary());
        return report.agrees() ? 0 : 1;
    }

    private static JsonNode read(Path file, String what) throws CliError {
        try {
            return CanonicalJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CliError(StackLoading.BAD_INPUT, "error: cannot read the " + what + " " + file + ": "
                    + StackLoading.firstLine(e.getMessage()));
        }
    }
}
