package com.honeydue.infra;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.config.StackConfigLoader;
import com.pulumi.Pulumi;
import java.nio.file.Path;

/**
 * The Pulumi program entry point ({@code pulumi up}). Reads and validates the whole stack config first, so a
 * bad stack file fails before any resource is registered; then hands the typed config to {@link HoneyDueStack}.
 */
public final class App {
    private App() {}

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            ConfigSchema schema = ConfigSchema.load(Path.of("Pulumi.yaml"));
            StackConfig config = StackConfigLoader.load(schema, RawConfig.fromPulumi(ctx, schema));
            HoneyDueStack.define(ctx, config);
        });
    }
}
