package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    static JsonNode plan(String stack) {
        StackConfig config = StackFixtures.config(stack);
        return PlanJson.of(RenderGraph.of(MockStackRunner.runObserved(config), config.cluster().nodes()));
    }

    @Test
    void prodAgainstOvhShowsTheRunbookDifferencesWithoutNoise() {
        JsonNode ovh = plan("ovh");
        JsonNode prod = plan("prod");
        PlanDiff.Result result = PlanDiff.compare(ovh, prod);
        String text = PlanDiff.format(result, "ovh", "prod");
        assertThat(result.identical()).isFalse();
        assertThat(result.resources()).as("every resource is matched across stacks").allSatisfy(d -> assertThat(d.kind()).isEqualTo('~'));
        assertThat(text).contains(
                "- --flannel-backend=wireguard-native", "+ --flannel-backend=vxlan", // flannel backend
                "- --flannel-external-ip",
                "+ --disable=servicelb",                                          // servicelb
                "+ --kube-proxy-arg=proxy-mode=ipvs",                             // kube-proxy mode
                "create.env.KUBE_PROXY_MODE: \"iptables\" \u2192 \"ipvs\"",
                "create.env.UNPRIVILEGED_PORT_START: \"\" \u2192 \"0\"",          // sysctl
                "connection.user: \"ubuntu\" \u2192 \"deploy\"",                   // ssh user
                "- allow from <node2.ipv4> to any port 51820 proto udp",        // wireguard port closed on vxlan
                "[0].ipv4: \"51.81.83.33\" \u2192 \"178.104.247.152\"",            // node IPs, once
                "ovhcloud2-k3s-join \u2192 hetzner2-k3s-join");
        String body = text.substring(text.indexOf("cluster (honeydue:cluster:K3sNodeGroup)"));
        assertThat(body).as("node addresses and names are shown once, in the nodes section")
                .doesNotContain("51.81.83.33", "178.104.247.152", "vps-1624d691 ")
                .doesNotContain("honeydue-infra-ovh", "urn:pulumi").doesNotContainPattern("triggers\\[\\d+\\]")
                .doesNotContain("create.script");
    }

    @Test
    void identicalPlansHaveNoDifferencesAndAnAddedResourceIsReported() {
        JsonNode a = plan("ovh");
        assertThat(PlanDiff.compare(a, a.deepCopy()).identical()).isTrue();
        ObjectNode b = a.deepCopy();
        ObjectNode extra = ((ObjectNode) b.get("resources").get(2)).deepCopy();
        extra.put("name", "extra-step").put("urn", extra.get("urn").asText() + "-extra");
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.get("resources")).add(extra);
        ((ObjectNode) b.get("outputs")).put("url", "https://example.invalid");
        PlanDiff.Result r = PlanDiff.compare(a, b);
        assertThat(PlanDiff.format(r, "a", "b")).contains("+ command:remote:Command extra-step  (added)",
                "url: (absent) \u2192 \"https://example.invalid\"", "1 added, 0 removed, 0 changed, 1 output value(s) changed");
    }
}
