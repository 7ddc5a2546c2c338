package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.engine.FakeProviderMocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Every secret of the schema gets a unique marker; no rendered file may contain any of them. */
class SecretLeakTest {
    @Test
    void noSecretMarkerAppearsInAnyRenderedFile() {
        Map<String, String> secrets = ConfigOverrides.everySecret("LEAK-MARKER-7f3a9c");
        assertThat(secrets).as("the schema declares secrets").containsKey("sshPrivateKey");
        List<String> markers = List.copyOf(secrets.values());
        // Online (no placeholders): every secret set, plus the non-secret keys a real stack sets before its first up.
        Map<String, String> overrides = new LinkedHashMap<>(secrets);
        overrides.putAll(ConfigOverrides.deployReady("ovh"));
        StackConfig config = StackConfigLoader.load(ConfigOverrides.schema(), ConfigOverrides.raw("ovh", overrides, false));

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
        assertThat(files.get("dns.json")).as("the zone id is config, not a secret").contains("0123456789abcdef0123456789abcdef");
    }
}
