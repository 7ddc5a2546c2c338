package com.honeydue.infra.engine;

import com.pulumi.test.Mocks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Mock provider: echoes every input back as state (as the real providers do for these resources) and adds
 * deterministic, clearly marked fake provider outputs: ids, command stdout, certificates.
 */
public class FakeProviderMocks implements Mocks {
    public static final String FAKE = "FAKE-OFFLINE-RENDER";

    /** Outputs of other stacks by stack name, for StackReference; offline there are none (unknown, not false). */
    private final Map<String, Map<String, Object>> otherStacksOutputs;

    public FakeProviderMocks() {
        this(Map.of());
    }

    public FakeProviderMocks(Map<String, Map<String, Object>> otherStacksOutputs) {
        this.otherStacksOutputs = Map.copyOf(otherStacksOutputs);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        switch (args.type) {
            case "command:remote:Command", "command:local:Command" -> {
                state.putIfAbsent("stdout", fakeStdout(args));
                state.putIfAbsent("stderr", "");
            }
            case "cloudflare:index/originCaCertificate:OriginCaCertificate" -> {
                state.putIfAbsent("certificate", "-----BEGIN CERTIFICATE-----\n" + FAKE + " origin CA certificate for "
                        + args.name + "\n-----END CERTIFICATE-----\n");
                state.putIfAbsent("expiresOn", "2041-01-01T00:00:00Z");
            }
            case "pulumi:pulumi:StackReference" -> {
                state.put("outputs", otherStacksOutputs.getOrDefault(String.valueOf(args.inputs.get("name")), Map.of()));
                state.put("secretOutputNames", java.util.List.of());
            }
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-" + FAKE.toLowerCase() + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(Map.copyOf(args.args));
    }

    private static String fakeStdout(ResourceArgs args) {
        if (args.name.equals("node-token")) {
            return FAKE + "-k3s-node-token";
        }
        if (args.name.equals("kubeconfig")) {
            return "apiVersion: v1\nkind: Config\n# " + FAKE + ": stands in for /etc/rancher/k3s/k3s.yaml\n"
                    + "clusters:\n- cluster:\n    server: https://fake.invalid:6443\n  name: default\n"
                    + "contexts:\n- context:\n    cluster: default\n    user: default\n  name: default\n"
                    + "current-context: default\nusers:\n- name: default\n  user:\n    token: " + FAKE + "\n";
        }
        return "";
    }
}
