package com.honeydue.infra.cli;

/** Test access to the CLI's package-private message helpers. */
public final class MainAccess {
    private MainAccess() {}

    public static String internalError(Throwable e) {
        return Main.internalError(e);
    }
}
