package com.honeydue.infra;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.pulumi.Pulumi;
import java.nio.file.Path;

/** The Pulumi program entry point ({@code pulumi preview/up}); Pulumi runs it from the project directory. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            ConfigSchema schema = ConfigSchema.load(Path.of("Pulumi.yaml"));
            HoneyDueProgram.run(ctx, schema, RawConfig.fromPulumi(ctx, schema));
        });
    }
}
