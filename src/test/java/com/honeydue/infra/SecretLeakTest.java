package com.honeydue.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.StackRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every secret key of Pulumi.yaml gets a unique marker; no marker may reach a non-secret input or output, either
 * verbatim or base64-encoded (as Kubernetes Secret data and dockerconfigjson would carry it).
 */
class SecretLeakTest {
    static String marker(String key) {
        return "LEAKMARK" + key.toUpperCase() + "Q7";
    }

    /** The stack's config with every declared secret set to its marker (what `pulumi config set --secret` gives). */
    static RawConfig withMarkers(String stack) {
        ConfigSchema schema = ConfigOverrides.schema();
        RawConfig base = ConfigOverrides.raw(stack, Map.of(), false);
        Map<String, JsonNode> values = new LinkedHashMap<>(base.values());
        schema.declarations().values().stream().filter(ConfigSchema.Declaration::holdsSecret)
                .forEach(d -> values.put(d.key(), TextNode.valueOf(marker(d.key()))));
        // Non-secret keys a real stack sets with `pulumi config set` before its first up.
        ConfigOverrides.deployReady(stack).forEach((k, v) -> values.put(k, TextNode.valueOf(v)));
        return new RawConfig(stack, values, false);
    }

    static List<String> markers() {
        return ConfigOverrides.schema().declarations().values().stream().filter(ConfigSchema.Declaration::holdsSecret)
                .map(d -> marker(d.key())).toList();
    }

    /** Finds markers in a JSON tree, also inside strings that decode as base64. */
    static List<String> leaks(JsonNode node, String where) {
        List<String> found = new ArrayList<>();
        scan(node, where, found);
        return found;
    }

    private static void scan(JsonNode node, String where, List<String> found) {
        if (node.isTextual()) {
            String s = node.asText();
            List<String> variants = new ArrayList<>(List.of(s));
            try {
                variants.add(new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // plain text only
            }
            for (String v : variants) {
                for (String m : markers()) {
                    if (v.contains(m)) {
                        found.add(where + " contains " + m);
                    }
                }
            }
        }
        node.fields().forEachRemaining(e -> scan(e.getValue(), where + "/" + e.getKey(), found));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            scan(node.get(i), where + "/" + i, found);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void noSecretReachesANonSecretInputOrOutput(String stack) {
        StackRun run = MockStackRunner.run(StackConfigLoader.load(ConfigOverrides.schema(), withMarkers(stack)));
        List<String> found = new ArrayList<>();
        run.resources().forEach(r -> found.addAll(leaks(r.inputs(), r.type() + "::" + r.name())));
        run.outputs().forEach((k, v) -> found.addAll(leaks(v, "output " + k)));
        assertThat(found).isEmpty();
        assertThat(markers()).as("the proof must seed at least the SSH key").isNotEmpty();
        assertThat(run.resources()).as("secrets do reach the engine, as secrets")
                .anySatisfy(r -> assertThat(r.secretPaths()).isNotEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void theScannerWouldSeeALeak(String stack) {
        // Guards the proof itself: a marker in plain or base64 form is found.
        String m = markers().get(0);
        JsonNode plain = TextNode.valueOf("x" + m + "y");
        JsonNode encoded = TextNode.valueOf(Base64.getEncoder().encodeToString(("user:" + m).getBytes(StandardCharsets.UTF_8)));
        assertThat(leaks(plain, stack)).hasSize(1);
        assertThat(leaks(encoded, stack)).hasSize(1);
    }
}
