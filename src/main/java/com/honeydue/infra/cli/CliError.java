package com.honeydue.infra.cli;

/** A failure the user can act on: its message is printed as is, and the process exits with {@code exitCode}. */
final class CliError extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    CliError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
