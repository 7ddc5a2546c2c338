package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.StackFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runbook's flags as the config.yaml k3s reads: same values, repeated flags as lists, nothing injectable. */
class K3sConfigFileTest {
    private static final ClusterConfig OVH = StackFixtures.config("ovh").cluster();

    private static JsonNode parse(String yaml) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }

    @Test
    void ovhJoinNodeReadsBackAsTheRunbooksFlags() throws Exception {
        String yaml = K3sConfigFile.yaml(K3sServerFlags.forNode(OVH, OVH.nodes().get(1), Optional.of("51.81.83.33")));
        JsonNode c = parse(yaml);
        assertThat(c.path("server").asText()).isEqualTo("https://51.81.83.33:6443");
        assertThat(c.path("token-file").asText()).isEqualTo("/etc/rancher/k3s/cluster-token");
        assertThat(c.path("node-ip").asText()).isEqualTo("51.81.87.86");
        assertThat(c.path("node-external-ip").asText()).isEqualTo("51.81.87.86");
        assertThat(c.path("advertise-address").asText()).isEqualTo("51.81.87.86");
        assertThat(c.path("flannel-backend").asText()).isEqualTo("wireguard-native");
        assertThat(c.path("flannel-external-ip").asBoolean()).isTrue();
        assertThat(c.path("secrets-encryption").asBoolean()).isTrue();
        assertThat(c.path("disable-cloud-controller").asBoolean()).isTrue();
        assertThat(c.path("write-kubeconfig-mode").isTextual()).as("0600 stays the string k3s expects, not octal 384").isTrue();
        assertThat(c.path("write-kubeconfig-mode").asText()).isEqualTo("0600");
        assertThat(c.path("tls-san")).extracting(JsonNode::asText)
                .containsExactly("51.81.83.33", "51.81.87.86", "51.81.85.248");
        assertThat(c.path("etcd-snapshot-schedule-cron").asText()).isEqualTo("0 */12 * * *");
        assertThat(c.has("cluster-init")).isFalse();
    }

    @Test
    void everyFlagBecomesExactlyOneKeyInTheSameOrder() throws Exception {
        List<String> flags = K3sServerFlags.forNode(OVH, OVH.nodes().get(0), Optional.empty());
        JsonNode c = parse(K3sConfigFile.yaml(flags));
        List<String> names = flags.stream().skip(1).map(f -> f.substring(2).split("=", 2)[0]).distinct().toList();
        List<String> keys = new java.util.ArrayList<>();
        c.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(names);
        assertThat(c.path("cluster-init").asBoolean()).isTrue();
    }

    @Test
    void aValueWithALineBreakOrAnythingButAFlagIsRefused() {
        assertThatThrownBy(() -> K3sConfigFile.yaml(List.of("server", "--node-ip=1.2.3.4\n--token=x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> K3sConfigFile.yaml(List.of("server", "token=x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a k3s flag");
        assertThatThrownBy(() -> K3sConfigFile.yaml(List.of("server", "--node-ip=1.2.3.4", "--node-ip=5.6.7.8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    @Test
    void aValueThatLooksLikeYamlStaysOneString() throws Exception {
        JsonNode c = parse(K3sConfigFile.yaml(List.of("server", "--etcd-s3-folder=a: b\"' #c", "--node-label=x=y, z")));
        assertThat(c.path("etcd-s3-folder").asText()).isEqualTo("a: b\"' #c");
        assertThat(c.path("node-label")).extracting(JsonNode::asText).containsExactly("x=y, z");
    }
}
