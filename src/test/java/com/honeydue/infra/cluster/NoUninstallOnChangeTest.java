package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * pulumi-command's schema marks {@code triggers} replaceOnChanges and its Go, Node and Python SDKs register every
 * Command with {@code replaceOnChanges: ["triggers[*]"]} (its Java SDK 1.2.1 does not), and a replacement is
 * create-before-delete: the OLD resource's delete runs on the same box after the new create. So:
 * no step may carry such an input, and the one step that carries a delete (k3s-removal) must not change at all when
 * anything that used to be a trigger changes (k3s version, the node set and so every --tls-san, the join target,
 * timeouts, the installer URL). The lab shows the same with the real engine: `pulumi preview` plans no replace.
 */
class NoUninstallOnChangeTest {
    private static final String CMD = "command:remote:Command";

    static Set<String> replaceOnChanges(String token) throws IOException {
        try (InputStream in = NoUninstallOnChangeTest.class.getResourceAsStream("/provider-schemas/command-1.2.1.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            Set<String> out = new HashSet<>();
            schema.path("resources").path(token).path("replaceOnChanges").forEach(n -> out.add(n.asText()));
            return out;
        }
    }

    static List<Map<String, String>> flips() {
        String nodes = "['" + String.join("', '", ClusterDay2Test.N1, ClusterDay2Test.N2, ClusterDay2Test.N3,
                ClusterDay2Test.N4, ClusterDay2Test.N5) + "']";
        return List.of(
                Map.of("k3sVersion", "v1.35.1+k3s1"),
                Map.of("nodes", nodes),
                Map.of("nodeReadyTimeoutSeconds", "900"),
                Map.of("k3sInstallerUrl", "https://get.k3s.io/?v=2"),
                Map.of("joinTarget", "ovhcloud2"),
                Map.of("etcdSnapshotRetention", "9", "kubeProxyMode", "ipvs", "servicelb", "false"),
                Map.of("etcdRestoreSnapshot", "snap-1", "etcdRestoreConfirm", "ovh:snap-1"));
    }

    @Test
    void noStepWithADeleteCarriesAnInputThePluginReplacesOnAndNoClusterStepAtAll() throws IOException {
        Set<String> replacing = replaceOnChanges(CMD);
        assertThat(replacing).as("pulumi-command 1.2.1's schema").containsExactly("triggers");
        for (Map<String, String> flip : flips()) {
            StackRun run = MockStackRunner.run(ConfigOverrides.load("ovh", flip));
            for (RecordedResource r : run.ofType(CMD)) {
                boolean cluster = r.parent().endsWith("::cluster");
                if (cluster || r.inputs().has("delete")) {
                    replacing.forEach(p -> assertThat(r.inputs().has(p)).as(r.name() + " has " + p + " under " + flip).isFalse());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flips")
    void aStepThatCarriesADeleteIsUntouchedByWhatUsedToBeTriggers(Map<String, String> flip) {
        StackRun before = MockStackRunner.run(ConfigOverrides.load("ovh", Map.of()));
        StackRun after = MockStackRunner.run(ConfigOverrides.load("ovh", flip));
        List<RecordedResource> withDelete = before.ofType(CMD).stream().filter(r -> r.inputs().has("delete")).toList();
        assertThat(withDelete).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("ovhcloud1-k3s-removal", "ovhcloud2-k3s-removal", "ovhcloud3-k3s-removal");
        for (RecordedResource b : withDelete) {
            RecordedResource a = after.named(CMD, b.name());
            assertThat(a.inputs()).as(b.name() + " under " + flip).isEqualTo(b.inputs());
        }
        assertThat(after.ofType(CMD)).filteredOn(r -> r.inputs().has("delete"))
                .allSatisfy(r -> assertThat(r.name()).endsWith("-k3s-removal"));
    }

    /** The lab saw it: with replaceOnChanges on a removal step, adding two nodes uninstalled k3s on three servers. */
    @Test
    void noResourceOfTheProgramAsksForReplacementOnChanges() throws IOException {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            List<String> asking = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return java.nio.file.Files.readString(f).contains(".replaceOnChanges(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(java.nio.file.Path::toString).toList();
            assertThat(asking).as("sources that set replaceOnChanges").isEmpty();
        }
    }
}
