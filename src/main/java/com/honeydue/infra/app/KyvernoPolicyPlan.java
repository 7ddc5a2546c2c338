package com.honeydue.infra.app;

import java.util.List;
import java.util.Map;

/**
 * The operator-gated image verification of runbook §5 (kyverno-verify-images.yaml): pods in the app namespace
 * may only run images from the registry that carry a cosign signature made with the configured key.
 * Requires Kyverno to be installed in the cluster; this program does not install it.
 */
public final class KyvernoPolicyPlan {
    public static final String NAME = "verify-honeydue-images";

    private KyvernoPolicyPlan() {}

    public static Map<String, Object> spec(String namespace, String registry, String publicKeyPem) {
        return Map.of(
                "validationFailureAction", "Enforce",
                "background", false,
                "webhookTimeoutSeconds", 30,
                "rules", List.of(Map.of(
                        "name", "verify-" + registry.replace('.', '-') + "-signatures",
                        "match", Map.of("any", List.of(Map.of("resources", Map.of(
                                "kinds", List.of("Pod"), "namespaces", List.of(namespace))))),
                        "verifyImages", List.of(Map.of(
                                "imageReferences", List.of(registry + "/*"),
                                "verifyDigest", true,
                                "required", true,
                                "attestors", List.of(Map.of("count", 1, "entries", List.of(Map.of(
                                        "keys", Map.of("publicKeys", publicKeyPem))))))))));
    }
}
