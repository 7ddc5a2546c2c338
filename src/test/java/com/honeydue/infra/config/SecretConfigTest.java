package com.honeydue.infra.config;

import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.StackFixtures;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Secrets in the config schema as the real engine reads it: Pulumi refuses a plaintext default for a
 * {@code secret: true} key and requires such a key, so optional secrets are declared unmarked with an empty default,
 * and the program refuses any secret value that was not stored encrypted.
 */
class SecretConfigTest {
    private static final ConfigSchema SCHEMA = ConfigOverrides.schema();

    @Test
    void noSecretKeyCarriesADefaultAndEveryOptionalSecretDefaultsToEmpty() {
        for (var d : SCHEMA.declarations().values()) {
            if (d.secret()) {
                assertThat(d.defaultValue()).as("%s is secret: true, so Pulumi refuses any default", d.key()).isEmpty();
            }
            if (d.optionalSecret()) {
                assertThat(d.defaultValue().map(JsonNode::asText)).as(d.key()).contains("");
                assertThat(d.description()).as(d.key()).contains("pulumi config set --secret " + d.key());
            }
        }
        assertThat(SCHEMA.declarations().values().stream().filter(ConfigSchema.Declaration::optionalSecret)
                .map(ConfigSchema.Declaration::key))
                .contains("obsTracesUrl", "etcdS3AccessKey", "cloudflareApiToken", "originPrivateKeyPem");
    }

    @Test
    void aPlaintextOptionalSecretInTheStackFileIsRefusedWithoutRepeatingIt() throws Exception {
        String yaml = Files.readString(StackFixtures.PROJECT.resolve("Pulumi.prod.yaml"))
                + "  honeydue-infra:obsTracesUrl: https://traces.example.invalid/v1/traces?token=PLAINVALUE\n";
        var e = (ConfigValidationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("prod", yaml)));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("obsTracesUrl");
        assertThat(e.getMessage()).contains("plain text", "pulumi config set --secret obsTracesUrl")
                .doesNotContain("PLAINVALUE");
    }

    @Test
    void aPlaintextSecretIsRefusedEvenWhenThisStackDoesNotReadIt() throws Exception {
        // prod keeps etcd S3 off, so the loader never reads the access key; it must still not sit in the file.
        String yaml = Files.readString(StackFixtures.PROJECT.resolve("Pulumi.prod.yaml"))
                + "  honeydue-infra:etcdS3AccessKey: AKIAPLAIN\n";
        assertThatThrownBy(() -> StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("prod", yaml)))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("honeydue-infra:etcdS3AccessKey: is a secret but its value is stored in plain text")
                .hasMessageNotContaining("AKIAPLAIN");
    }

    @Test
    void anEncryptedOptionalSecretIsReadAndAnEmptyOneIsUnset() throws Exception {
        String yaml = Files.readString(StackFixtures.PROJECT.resolve("Pulumi.prod.yaml"))
                + "  honeydue-infra:obsTracesUrl:\n    secure: v1:AAAA\n";
        StackConfig withSecret = StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("prod", yaml));
        assertThat(withSecret.app().secrets().obsTracesUrl()).isPresent();

        // Online, the engine hands every key with its Pulumi.yaml default: "" is unset, not an empty secret.
        Map<String, JsonNode> values = new LinkedHashMap<>(RawConfig.fromStackFile(StackFixtures.PROJECT, "prod").values());
        ConfigOverrides.everySecret("v").forEach((k, v) -> values.put(k, TextNode.valueOf(v)));
        values.put("obsTracesUrl", TextNode.valueOf(""));
        values.put("etcdS3AccessKey", TextNode.valueOf(""));
        ConfigOverrides.deployReady("prod").forEach((k, v) -> values.put(k, TextNode.valueOf(v)));
        Set<String> encrypted = new java.util.HashSet<>(values.keySet());
        encrypted.removeAll(Set.of("obsTracesUrl", "etcdS3AccessKey"));
        StackConfig online = StackConfigLoader.load(SCHEMA, new RawConfig("prod", values, encrypted, false));
        assertThat(online.app().secrets().obsTracesUrl()).isEmpty();
    }

    @Test
    void aMapGivenForASecretIsAProblemNotUnset() throws Exception {
        String yaml = Files.readString(StackFixtures.PROJECT.resolve("Pulumi.ovh.yaml"))
                + "  honeydue-infra:cloudflareApiToken:\n    token: abc\n";
        assertThatThrownBy(() -> StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("ovh", yaml)))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("honeydue-infra:cloudflareApiToken: must be a string set with `pulumi config set --secret cloudflareApiToken`, got object");
    }

    @Test
    void typedValuesReadTheSameWhetherPulumiConfigSetQuotedThemOrNot() throws Exception {
        String base = Files.readString(StackFixtures.PROJECT.resolve("Pulumi.ovh.yaml"));
        String quoted = base.replace("honeydue-infra:etcdSnapshotRetention: 5", "honeydue-infra:etcdSnapshotRetention: \"7\"")
                + "  honeydue-infra:restrictApiServer: \"false\"\n";
        String plain = base.replace("honeydue-infra:etcdSnapshotRetention: 5", "honeydue-infra:etcdSnapshotRetention: 7")
                + "  honeydue-infra:restrictApiServer: false\n";
        assertThat(quoted).contains("\"7\"");
        var a = StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("ovh", quoted)).cluster();
        var b = StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("ovh", plain)).cluster();
        assertThat(List.of(a.etcdSnapshotRetention(), a.restrictApiServer()))
                .isEqualTo(List.of(b.etcdSnapshotRetention(), b.restrictApiServer()))
                .isEqualTo(List.of(7, false));
    }
}
