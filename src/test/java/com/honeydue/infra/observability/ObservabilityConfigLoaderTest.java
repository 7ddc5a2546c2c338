package com.honeydue.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigProblem;
import com.honeydue.infra.config.ConfigValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservabilityConfigLoaderTest {

    @Test
    void committedStacksGetEveryAgentPinnedImagesAndTheObsEndpoints() {
        ObservabilityConfig c = StackFixtures.config("ovh").observability();
        assertThat(c.kubeStateMetricsEnabled() && c.vmagentEnabled() && c.alloyLogsEnabled() && c.nodeExporterEnabled()).isTrue();
        assertThat(c.workerMetricsEnabled()).isFalse();
        assertThat(c.traefikMetricsEnabled()).isFalse();
        assertThat(c.remoteWriteUrl()).isEqualTo("https://obs.88oakapps.com/api/v1/write");
        assertThat(c.lokiPushUrl()).isEqualTo("https://obs.88oakapps.com/loki/api/v1/push");
        assertThat(c.ingestToken()).isPresent(); // offline placeholder: never a committed value
        assertThat(List.of(c.kubeStateMetricsImage(), c.vmagentImage(), c.alloyImage(), c.nodeExporterImage()))
                .allSatisfy(i -> assertThat(i).matches(".+:.+@sha256:[a-f0-9]{64}"));
        assertThat(c.clusterLabel()).isEqualTo("honeydue-ovh");
        assertThat(StackFixtures.config("prod").observability().clusterLabel()).isEqualTo("honeydue-hetzner");
    }

    @Test
    void everyBadValueIsReportedAtOnceWithItsKey() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("vmagentImage", "victoriametrics/vmagent:latest");
        bad.put("alloyImage", "grafana/alloy@sha256:abc");
        bad.put("obsRemoteWriteUrl", "http://obs.88oakapps.com/api/v1/write");
        bad.put("clusterLabel", "Honeydue OVH");
        bad.put("environmentLabel", "PROD");
        bad.put("obsEndpointCidrs", "[\"obs.88oakapps.com\"]");
        bad.put("nodeExporterEnabled", "maybe");
        assertThatThrownBy(() -> ObsStacks.config("ovh", bad))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key)
                        .contains("vmagentImage", "alloyImage", "obsRemoteWriteUrl", "clusterLabel", "environmentLabel",
                                "obsEndpointCidrs[0]", "nodeExporterEnabled"))
                .hasMessageContaining("@sha256:");
    }

    @Test
    void scrapingExtrasNeedVmagent() {
        assertThatThrownBy(() -> ObsStacks.config("ovh", Map.of("vmagentEnabled", "false", "workerMetricsEnabled", "true",
                "traefikMetricsEnabled", "true")))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).contains("workerMetricsEnabled", "traefikMetricsEnabled"));
    }
}
