package com.honeydue.infra.observability;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.config.StackConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A committed stack with some observability keys overridden, loaded exactly as render loads stacks. */
final class ObsStacks {
    private ObsStacks() {}

    static StackConfig config(String stack, Map<String, String> overrides) {
        try {
            StringBuilder yaml = new StringBuilder(Files.readString(StackFixtures.PROJECT.resolve("Pulumi." + stack + ".yaml")));
            overrides.forEach((k, v) -> yaml.append("  honeydue-infra:").append(k).append(": ").append(v).append('\n'));
            ConfigSchema schema = ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
            return StackConfigLoader.load(schema, RawConfig.fromStackYaml(stack, yaml.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObservabilityPlan plan(String stack, Map<String, String> overrides) {
        StackConfig c = config(stack, overrides);
        return new ObservabilityPlan(c.observability(), c.cluster(), "honeydue");
    }
}
