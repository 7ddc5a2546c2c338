package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every secret config key gets a distinct marker; the whole ovh program then runs under the mock engine, and no
 * marker (nor a base64 or derived form of it) may appear in any non-secret input or output.
 */
class SecretLeakTest {

    @Test
    void noSecretValueReachesANonSecretInputOrOutput() {
        Map<String, String> markers = new LinkedHashMap<>();
        AppStacks.schema().declarations().values().stream().filter(d -> d.holdsSecret())
                .forEach(d -> markers.put(d.key(), "MARKER-" + d.key() + "-q7Zx41"));
        assertThat(markers).containsKeys("postgresPassword", "appSecretKey", "smtpPassword", "fcmServerKey", "b2KeyId",
                "b2ApplicationKey", "redisPassword", "obsIngestToken", "obsTracesUrl", "apnsAuthKey", "registryToken",
                "adminBasicAuthPassword");

        StackRun run = MockStackRunner.run(AppStacks.config("ovh", markers));

        List<String> forbidden = new ArrayList<>();
        markers.values().forEach(m -> {
            forbidden.add(m);
            forbidden.add(base64(m));
            forbidden.add(base64("admin:" + m));
        });
        forbidden.add(Htpasswd.line("admin", markers.get("adminBasicAuthPassword"), markers.get("appSecretKey"), "ovh").split(":", 2)[1]);

        for (RecordedResource r : run.resources()) {
            String inputs = r.inputs().toString();
            for (String f : forbidden) {
                assertThat(inputs).as(r.type() + " " + r.name() + " leaks a secret").doesNotContain(f);
            }
        }
        run.outputs().forEach((k, v) -> forbidden.forEach(f -> assertThat(v.toString()).as("output " + k).doesNotContain(f)));

        // The values did reach the Secrets, as secrets.
        for (String name : List.of("honeydue-secrets", "honeydue-apns-key", "gitea-credentials", "admin-basic-auth")) {
            RecordedResource secret = run.named("kubernetes:core/v1:Secret", name);
            assertThat(secret.secretPaths()).as(name).containsExactly("/data");
            assertThat(secret.inputs().path("data")).as("keys kept, every value masked").isNotEmpty()
                .allSatisfy(v -> assertThat(v.asText()).isEqualTo("[secret]"));
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
