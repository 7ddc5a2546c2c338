package com.honeydue.infra.cli;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.values.Identifiers;
import com.honeydue.infra.values.Shown;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads a stack the way render does (Pulumi.yaml + Pulumi.&lt;stack&gt;.yaml) and turns every failure into a clear CliError. */
final class StackLoading {
    static final int BAD_INPUT = 2;
    static final int PROGRAM_ERROR = 3;

    private StackLoading() {}

    static StackConfig load(Path projectDir, String stack, PrintWriter progress) throws CliError {
        if (!Identifiers.isStackName(stack)) {
            throw new CliError(BAD_INPUT, "error: --stack " + Shown.value(stack) + " is not a stack name; expected "
                    + Identifiers.STACK_FORM);
        }
        Path pulumiYaml = projectDir.resolve("Pulumi.yaml");
        Path stackFile = projectDir.resolve("Pulumi." + stack + ".yaml");
        progress.println("render " + stack + ": reading " + pulumiYaml + " and " + stackFile);
        progress.flush();
        if (!Files.isRegularFile(pulumiYaml)) {
            throw new CliError(BAD_INPUT, "error: " + pulumiYaml + " not found; run from the project directory or pass --project-dir");
        }
        ConfigSchema schema;
        try {
            schema = ConfigSchema.load(pulumiYaml);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CliError(BAD_INPUT, "error: " + pulumiYaml + ": " + firstLine(e.getMessage()));
        }
        RawConfig raw;
        try {
            raw = RawConfig.fromStackFile(projectDir, stack);
        } catch (NoSuchFileException e) {
            throw new CliError(BAD_INPUT, "error: no stack file " + stackFile + " for stack '" + stack + "'" + knownStacks(projectDir));
        } catch (IOException e) {
            throw new CliError(BAD_INPUT, "error: " + stackFile + " is not valid YAML: " + firstLine(e.getMessage()));
        } catch (ConfigValidationException e) {
            throw new CliError(BAD_INPUT, "error: " + e.getMessage());
        }
        try {
            return StackConfigLoader.load(schema, raw, warning -> {
                progress.println("warning: " + warning);
                progress.flush();
            });
        } catch (ConfigValidationException e) {
            throw new CliError(BAD_INPUT, "error: " + e.getMessage());
        }
    }

    /** Runs the program and renders it in memory; a failure inside the program is a program error (exit 3). */
    static SortedMap<String, String> render(StackConfig config, PrintWriter progress) throws CliError {
        try {
            SortedMap<String, String> files = Renderer.render(config, line -> {
                progress.println("render " + config.stack() + ": " + line);
                progress.flush();
            });
            progress.println("render " + config.stack() + ": built " + files.size() + " files");
            progress.flush();
            return files;
        } catch (RuntimeException | Error e) {
            throw new CliError(PROGRAM_ERROR, "error: the program failed under the mock engine: " + oneLine(e));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.split("\n");
        return lines.length <= 6 ? message : String.join("\n", java.util.Arrays.copyOf(lines, 6)) + "\n  ...";
    }

    /** The innermost cause as one short line: its type and the first line of its message, never a stack trace. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + Shown.escape(message.length() > 300
                ? message.substring(0, 300) + "… (" + message.length() + " chars)" : message));
    }

    private static String knownStacks(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            String stacks = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().collect(Collectors.joining(", "));
            return stacks.isEmpty() ? " (no stack files in " + projectDir + ")" : " (stacks here: " + stacks + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
