package com.honeydue.infra;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.config.RawConfig;
import com.pulumi.Pulumi;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;

/** The Pulumi program entry point ({@code pulumi preview/up}); Pulumi runs it from the project directory. */
public final class App {
    /**
     * The SDK's exit code for "the program already told the user what is wrong" (Runner's
     * ProcessExitedAfterLoggingUserActionableMessage): a language host then adds no message of its own.
     */
    static final int EXIT_AFTER_REPORTING = 32;

    private App() {}

    public static void main(String[] args) {
        // The SDK sends every message it logs to the engine, which shows it once; its local java.util.logging copy
        // would show it a second time, as a SEVERE line with a timestamp, on the operator's console.
        LogManager.getLogManager().reset();
        AtomicBoolean reported = new AtomicBoolean();
        int code = Pulumi.runAsync(ctx -> {
            var stale = PrebuiltJarCheck.staleness(Path.of(""));
            if (stale.isPresent()) {
                ctx.log().error(stale.get());
                reported.set(true);
                return;
            }
            ConfigSchema schema = ConfigSchema.load(Path.of("Pulumi.yaml"));
            try {
                HoneyDueProgram.run(ctx, schema, RawConfig.fromPulumi(ctx, schema));
            } catch (ConfigValidationException e) {
                // A bad stack file is the operator's to fix, not a crash: one clear message, no stack trace, and
                // nothing registered (validation runs before any resource).
                ctx.log().error(e.getMessage());
                reported.set(true);
            }
        }).join();
        System.exit(reported.get() ? EXIT_AFTER_REPORTING : code);
    }
}
