package com.honeydue.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A committed stack file with some keys replaced (values written as YAML), loaded like render loads it. */
public final class ConfigOverrides {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigOverrides() {}

    public static RawConfig raw(String stack, Map<String, String> yamlOverrides, boolean offline) {
        try {
            RawConfig base = RawConfig.fromStackFile(StackFixtures.PROJECT, stack);
            Map<String, JsonNode> values = new LinkedHashMap<>(base.values());
            for (var e : yamlOverrides.entrySet()) {
                if (e.getValue() == null) {
                    values.remove(e.getKey());
                } else {
                    values.put(e.getKey(), YAML.readTree(e.getValue()));
                }
            }
            return new RawConfig(stack, values, offline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every secret key of Pulumi.yaml mapped to a value: what a stack with all its secrets set looks like online. */
    public static Map<String, String> everySecret(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        schema().declarations().values().stream().filter(ConfigSchema.Declaration::holdsSecret)
                .forEach(d -> out.put(d.key(), prefix + "-" + d.key()));
        return out;
    }

    /**
     * What a real stack sets with `pulumi config set` before its first `up`, beyond the committed file (README
     * "Running it for real", the facts file): the zone id, full image digests instead of the committed placeholders
     * (which only offline renders accept), and for a stack that owns the public DNS, existingDnsRecords: imported
     * (runbook §4's records exist; the README's DNS adoption step imports them).
     */
    public static Map<String, String> deployReady(String stack) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        // Values the seeds do not carry (README: what to set before the first up).
        out.put("smtpUser", "ops@myhoneydue.com");
        out.put("adminEmail", "admin@myhoneydue.com");
        out.put("apnsKeyId", "ABC123DEFG");
        out.put("apnsTeamId", "TEAM123456");
        out.put("apnsTopic", "com.myhoneydue.app");
        RawConfig base = raw(stack, Map.of(), true);
        JsonNode owns = base.values().get("ownsPublicDns");
        if (owns == null || owns.asText().equals("true")) {
            out.put("existingDnsRecords", "imported");
        }
        for (String key : java.util.List.of("apiImage", "webImage", "adminImage", "workerImage", "redisImage")) {
            JsonNode image = base.values().get(key);
            if (image != null && image.asText().contains("@sha256:")) {
                String repo = image.asText().substring(0, image.asText().indexOf("@sha256:"));
                out.put(key, repo + "@sha256:" + "a1b2c3d4".repeat(8));
            }
        }
        return out;
    }

    public static ConfigSchema schema() {
        return ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
    }

    public static StackConfig load(String stack, Map<String, String> yamlOverrides) {
        return StackConfigLoader.load(schema(), raw(stack, yamlOverrides, true));
    }

    /** The validation failure for these overrides; fails the test if the config is accepted. */
    public static ConfigValidationException failure(String stack, Map<String, String> yamlOverrides) {
        try {
            load(stack, yamlOverrides);
        } catch (ConfigValidationException e) {
            return e;
        }
        throw new AssertionError("config was accepted but should have been rejected: " + yamlOverrides);
    }
}
