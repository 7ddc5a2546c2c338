package com.honeydue.infra.observability;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A committed stack with some observability keys overridden, loaded exactly as render loads stacks. */
final class ObsStacks {
    private ObsStacks() {}

    static StackConfig config(String stack, Map<String, String> overrides) {
        try {
            StringBuilder yaml = new StringBuilder(withoutKeys(Files.readString(StackFixtures.PROJECT.resolve("Pulumi." + stack + ".yaml")),
                    overrides.keySet()));
            overrides.forEach((k, v) -> yaml.append("  honeydue-infra:").append(k).append(": ").append(v).append('\n'));
            ConfigSchema schema = ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
            RawConfig parsed = RawConfig.fromStackYaml(stack, yaml.toString());
            // A secret given here stands for one set with `pulumi config set --secret`.
            java.util.Set<String> encrypted = new java.util.HashSet<>();
            parsed.values().keySet().stream().filter(k -> parsed.encrypted(k) || overrides.containsKey(k)
                    && schema.find(k).map(ConfigSchema.Declaration::holdsSecret).orElse(false)).forEach(encrypted::add);
            return StackConfigLoader.load(schema, new RawConfig(stack, parsed.values(), encrypted, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack file without these keys (and their list entries): a key given twice is refused, as Pulumi refuses it. */
    static String withoutKeys(String yaml, java.util.Set<String> keys) {
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith("  honeydue-infra:")) {
                String key = line.substring("  honeydue-infra:".length()).split(":", 2)[0];
                dropping = keys.contains(key);
            } else if (!line.startsWith("    ")) {
                dropping = false;
            }
            if (!dropping) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static ObservabilityPlan plan(String stack, Map<String, String> overrides) {
        StackConfig c = config(stack, overrides);
        return new ObservabilityPlan(c.observability(), c.cluster(), "honeydue");
    }
}
