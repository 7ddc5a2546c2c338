package com.honeydue.infra.observability;

import com.honeydue.infra.values.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The observability agents' typed config (runbook §2 "vmagent / kube-state-metrics / alloy-logs", §9.2–§9.6, §11.1).
 * {@code ingestToken} is empty only when no agent that ships data (vmagent, alloy-logs) is enabled.
 */
public record ObservabilityConfig(
        boolean kubeStateMetricsEnabled,
        boolean vmagentEnabled,
        boolean alloyLogsEnabled,
        boolean nodeExporterEnabled,
        boolean workerMetricsEnabled,
        boolean traefikMetricsEnabled,
        String remoteWriteUrl,
        String lokiPushUrl,
        Optional<Secret> ingestToken,
        List<String> endpointCidrs,
        String clusterLabel,
        String environmentLabel,
        String kubeStateMetricsImage,
        String vmagentImage,
        String alloyImage,
        String nodeExporterImage) {

    public ObservabilityConfig {
        endpointCidrs = List.copyOf(endpointCidrs);
    }
}
