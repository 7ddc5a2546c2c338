package com.honeydue.infra.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/honeydue-infra}: offline render and diff of a stack (no Pulumi CLI, cloud or credentials needed). */
@Command(name = "honeydue-infra", mixinStandardHelpOptions = true,
        description = "Offline tools for the honeydue-infra Pulumi program (nothing here applies anything).",
        subcommands = {RenderCommand.class, DiffCommand.class, ParityCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line in-process and returns its exit code (tests use this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliError c) {
                line.getErr().println(c.getMessage());
                line.getErr().flush();
                return c.exitCode;
            }
            line.getErr().println(internalError(e));
            line.getErr().flush();
            return StackLoading.PROGRAM_ERROR;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable e) { // Errors (StackOverflowError, OutOfMemoryError) pass picocli's handler: one line, never a trace
            err.println(internalError(e));
            code = StackLoading.PROGRAM_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Exit 3's one line: an internal error, named by its innermost cause. */
    static String internalError(Throwable e) {
        return "error: internal error (please report it): " + StackLoading.oneLine(e);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: render, diff or parity");
    }
}
