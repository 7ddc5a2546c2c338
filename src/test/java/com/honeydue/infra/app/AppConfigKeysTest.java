package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.StackRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The values the seeds do not carry (SMTP login, APNs ids, the in-app admin login): declared, validated, required
 * where their feature needs them, and delivered to the pods that read them.
 */
class AppConfigKeysTest {

    /** What a real (online) preview sees: every secret and every deploy-time key set, then some taken away. */
    private static ConfigValidationException onlineFailure(String stack, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(ConfigOverrides.everySecret("set"));
        values.putAll(ConfigOverrides.deployReady(stack));
        values.putAll(overrides);
        try {
            StackConfigLoader.load(ConfigOverrides.schema(), ConfigOverrides.raw(stack, values, false));
        } catch (ConfigValidationException e) {
            return e;
        }
        throw new AssertionError("accepted: " + overrides);
    }

    @Test
    void pushCannotBeOnWithoutTheApnsIdsAndEachMissingKeyIsNamed() {
        var e = onlineFailure("ovh", mapOfNulls("apnsKeyId", "apnsTeamId", "apnsTopic"));
        assertThat(e.getMessage()).contains("honeydue-infra:apnsKeyId", "honeydue-infra:apnsTeamId", "honeydue-infra:apnsTopic")
                .contains("featurePushEnabled is true").contains("pulumi config set apnsKeyId");
        // With push off (prod), the ids are not needed.
        var prod = new LinkedHashMap<String, String>(ConfigOverrides.everySecret("set"));
        prod.putAll(ConfigOverrides.deployReady("prod"));
        prod.putAll(mapOfNulls("apnsKeyId", "apnsTeamId", "apnsTopic"));
        var config = StackConfigLoader.load(ConfigOverrides.schema(), ConfigOverrides.raw("prod", prod, false));
        assertThat(config.app().apns()).isEmpty();
    }

    @Test
    void badApnsIdsAndEnvironmentAreRefused() {
        var e = onlineFailure("ovh", Map.of("apnsKeyId", "abc", "apnsTopic", "not a bundle", "apnsEnvironment", "staging"));
        assertThat(e.getMessage()).contains("apnsKeyId: 'abc' is not valid", "apnsTopic: 'not a bundle' is not valid",
                "apnsEnvironment: 'staging' is not one of production, development");
    }

    @Test
    void smtpLoginAndAdminLoginAreRequiredForARealDeploy() {
        var e = onlineFailure("prod", mapOfNulls("smtpUser", "adminEmail", "adminPassword"));
        assertThat(e.getMessage()).contains("honeydue-infra:smtpUser: is required", "honeydue-infra:adminEmail: is required",
                "honeydue-infra:adminPassword: is a required secret", "pulumi config set --secret adminPassword");
        assertThat(onlineFailure("ovh", Map.of("adminEmail", "not-an-address")).getMessage()).contains("adminEmail: 'not-an-address'");
        // A secret without default: the engine itself requires it (Pulumi.yaml must not give it a default).
        var declaration = ConfigOverrides.schema().find("adminPassword").orElseThrow();
        assertThat(declaration.secret()).isTrue();
        assertThat(declaration.defaultValue()).isEmpty();
    }

    @Test
    void thePodsReadTheNewValues() {
        Map<String, String> values = new LinkedHashMap<>(ConfigOverrides.deployReady("ovh"));
        StackRun run = MockStackRunner.run(StackConfigLoader.load(ConfigOverrides.schema(), ConfigOverrides.raw("ovh", values, true)));
        JsonNode cm = run.named("kubernetes:core/v1:ConfigMap", "honeydue-config").inputs().path("data");
        assertThat(cm.path("EMAIL_HOST_USER").asText()).isEqualTo("ops@myhoneydue.com");
        assertThat(cm.path("APNS_KEY_ID").asText()).isEqualTo("ABC123DEFG");
        assertThat(cm.path("APNS_TEAM_ID").asText()).isEqualTo("TEAM123456");
        assertThat(cm.path("APNS_TOPIC").asText()).isEqualTo("com.myhoneydue.app");
        assertThat(cm.path("APNS_ENVIRONMENT").asText()).isEqualTo("production");
        assertThat(cm.path("ADMIN_EMAIL").asText()).isEqualTo("admin@myhoneydue.com");
        assertThat(secretKeys(run, "api")).contains("ADMIN_PASSWORD");
        assertThat(secretKeys(run, "worker")).doesNotContain("ADMIN_PASSWORD").contains("EMAIL_HOST_PASSWORD");
        // The committed stacks render offline with placeholders for what the operator still has to set.
        JsonNode committed = StackFixtures.run("ovh").named("kubernetes:core/v1:ConfigMap", "honeydue-config").inputs().path("data");
        assertThat(committed.path("APNS_KEY_ID").asText()).isEqualTo("offline-placeholder-for-apnsKeyId");
        assertThat(StackFixtures.run("prod").named("kubernetes:core/v1:ConfigMap", "honeydue-config").inputs().path("data")
                .has("APNS_KEY_ID")).as("push is off on prod").isFalse();
    }

    private static java.util.List<String> secretKeys(StackRun run, String deployment) {
        JsonNode env = run.named("kubernetes:apps/v1:Deployment", deployment).inputs().at("/spec/template/spec/containers/0/env");
        return StreamSupport.stream(env.spliterator(), false).map(e -> e.at("/valueFrom/secretKeyRef/key").asText()).toList();
    }

    private static Map<String, String> mapOfNulls(String... keys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, null);
        }
        return m;
    }
}
