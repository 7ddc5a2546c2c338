package com.honeydue.infra.stack;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import java.io.IOException;
import java.nio.file.Path;

/** Offline config source: Pulumi.yaml defaults plus Pulumi.<stack>.yaml, as render and the tests use it. */
public final class StackFiles {
    private StackFiles() {}

    public static StackConfig load(Path projectDir, String stack) throws IOException {
        ConfigSchema schema = ConfigSchema.load(projectDir.resolve("Pulumi.yaml"));
        return StackConfigLoader.load(schema, RawConfig.fromStackFile(projectDir, stack));
    }
}
