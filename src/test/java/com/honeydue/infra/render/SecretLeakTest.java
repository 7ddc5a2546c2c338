package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.config.StackConfigLoader;
import com.honeydue.infra.engine.FakeProviderMocks;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Every secret of the schema gets a unique marker; no rendered file may contain any of them. */
class SecretLeakTest {
    @Test
    void noSecretMarkerAppearsInAnyRenderedFile() throws Exception {
        ConfigSchema schema = ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
        RawConfig ovh = RawConfig.fromStackYaml("ovh", Files.readString(StackFixtures.PROJECT.resolve("Pulumi.ovh.yaml")));
        Map<String, JsonNode> values = new LinkedHashMap<>(ovh.values());
        List<String> markers = new ArrayList<>();
        for (var d : schema.declarations().values()) {
            if (d.secret() && "string".equals(d.type())) {
                String marker = "LEAK-MARKER-" + d.key() + "-7f3a9c";
                markers.add(marker);
                values.put(d.key(), TextNode.valueOf(marker));
            }
        }
        assertThat(markers).as("the schema declares secrets").isNotEmpty();
        StackConfig config = StackConfigLoader.load(schema, new RawConfig("ovh", values, false));

        List<String> progress = new ArrayList<>();
        SortedMap<String, String> files = Renderer.render(config, progress::add);
        // The fake node token is the join steps' secret stdin; the fake kubeconfig is a secret output.
        List<String> forbidden = new ArrayList<>(markers);
        forbidden.add(FakeProviderMocks.FAKE + "-k3s-node-token");
        forbidden.add("token: " + FakeProviderMocks.FAKE);
        for (var file : files.entrySet()) {
            for (String secret : forbidden) {
                assertThat(file.getValue()).as(file.getKey() + " must not contain " + secret).doesNotContain(secret);
            }
        }
        assertThat(String.join("\n", progress)).doesNotContain(markers.toArray(String[]::new));
        assertThat(files.get("plan.json")).contains("\"privateKey\": \"[secret]\"", "\"stdin\": \"[secret]\"");
    }
}
