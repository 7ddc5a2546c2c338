package com.honeydue.infra.k8s;

import com.pulumi.core.Output;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes Secret's {@code data}: the values base64-encoded, the whole map a Pulumi secret. Not
 * {@code stringData}: the API server folds stringData into data, and pulumi-kubernetes 4.0.0 then sees stringData
 * "added" on every later run and REPLACES the Secret (`pulumi preview` showed it in the lab: replaceReasons
 * ["stringData"], on every `up` without a change).
 */
public final class SecretData {
    private SecretData() {}

    public static Output<Map<String, String>> of(Output<Map<String, String>> plain) {
        return plain.applyValue(SecretData::encode).asSecret();
    }

    static Map<String, String> encode(Map<String, String> plain) {
        Map<String, String> out = new LinkedHashMap<>();
        plain.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return out;
    }
}
