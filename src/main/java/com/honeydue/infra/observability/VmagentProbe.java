package com.honeydue.infra.observability;

import java.util.List;

/**
 * vmagent's liveness check (runbook §9.3). The image is alpine-based, so busybox sh, wget and grep exist.
 * /api/v1/targets lists every active target with {@code "health":"up"} or {@code "down"}; the pipeline's status
 * is grep's, so the probe fails when the API is unreachable (empty input) or when not one target is up.
 */
public final class VmagentProbe {
    public static final String TARGETS_URL = "http://127.0.0.1:" + ObservabilityPlan.VMAGENT_HTTP_PORT + "/api/v1/targets";

    private VmagentProbe() {}

    public static List<String> command() {
        return List.of("/bin/sh", "-c", "wget -q -T 5 -O - " + TARGETS_URL + " | grep -Eq '\"health\": *\"up\"'");
    }
}
