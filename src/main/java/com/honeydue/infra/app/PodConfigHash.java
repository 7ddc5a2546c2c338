package com.honeydue.infra.app;

import com.pulumi.core.Output;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pod template annotations that change exactly when what a pod reads at start changes, so a ConfigMap or Secret
 * update rolls the pods that read it (as vmagent and alloy-logs roll on their config's {@code honeydue/config-sha256}):
 * <ul>
 *   <li>{@value #CONFIG_ANNOTATION}: SHA-256 of the ConfigMap data the pod reads (plain config, nothing secret);</li>
 *   <li>{@value #SECRET_ANNOTATION}: HMAC-SHA256 of the Secret data the pod reads, computed inside
 *       {@code apply} on the secret Outputs and keyed with another secret (the app's {@code appSecretKey}, 32+
 *       random characters). The result is published as a plain annotation: it reveals nothing about the data, and
 *       unlike a bare SHA-256 it cannot be used to test guesses of a weak secret (e.g. a short Redis password)
 *       offline, because that needs the key. Rotating {@code appSecretKey} therefore also rolls every pod that
 *       reads a Secret (api and worker read it anyway; Redis restarts once).</li>
 * </ul>
 * Encoding: keys sorted, each key and value length-prefixed, so no two different maps hash alike.
 */
final class PodConfigHash {
    static final String CONFIG_ANNOTATION = "honeydue/config-sha256";
    static final String SECRET_ANNOTATION = "honeydue/secret-hmac-sha256";

    private PodConfigHash() {}

    static String sha256(Map<String, String> data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical(data)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacSha256(String key, Map<String, String> data) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the HMAC key (appSecretKey) must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(data)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(Map<String, String> data) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(data).forEach((k, v) -> b.append(k.length()).append(':').append(k)
                .append(v.length()).append(':').append(v).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The pod's annotations: {@code fixed} plus the two hashes (each only when the pod reads such data).
     *
     * @param secretData name of the value (e.g. {@code honeydue-secrets/REDIS_PASSWORD}) → its secret Output
     * @param hmacKey    the secret HMAC key
     */
    static Output<Map<String, String>> annotations(Map<String, String> fixed, Map<String, String> configData,
                                                   Map<String, Output<String>> secretData, Output<String> hmacKey) {
        Map<String, String> plain = new LinkedHashMap<>(fixed);
        if (!configData.isEmpty()) {
            plain.put(CONFIG_ANNOTATION, sha256(configData));
        }
        if (secretData.isEmpty()) {
            return Output.of(plain);
        }
        List<String> names = List.copyOf(secretData.keySet());
        List<Output<String>> values = new ArrayList<>();
        values.add(hmacKey);
        names.forEach(n -> values.add(secretData.get(n)));
        // The secret values are only ever seen here, inside apply; only their keyed digest leaves, as plain text.
        return Output.all(values).applyValue(v -> {
            Map<String, String> data = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                data.put(names.get(i), v.get(i + 1));
            }
            Map<String, String> out = new LinkedHashMap<>(plain);
            out.put(SECRET_ANNOTATION, hmacSha256(v.get(0), data));
            return out;
        }).asPlaintext();
    }

    /** Scrape annotations plus the hashes of what the pod reads at start, so a config or secret change rolls it. */
    static Output<Map<String, String>> forWorkload(WorkloadSpec spec, AppConfig c) {
        Map<String, String> fixed = spec.scrapeMetrics()
                ? Map.of("prometheus.io/scrape", "true", "prometheus.io/port", Integer.toString(spec.port()),
                        "prometheus.io/path", "/metrics")
                : Map.of();
        Map<String, Output<String>> appSecrets = AppConfiguration.appSecretData(c);
        Map<String, Output<String>> read = new java.util.LinkedHashMap<>();
        List<String> keys = new ArrayList<>(AppWorkloads.appSecretKeys(spec.name()));
        if (AppWorkloads.readsSharedConfig(spec.name())) {
            keys.addAll(AppWorkloads.OPTIONAL_SECRET_KEYS);
        }
        keys.stream().filter(appSecrets::containsKey)
                .forEach(k -> read.put(HoneyDueApp.APP_SECRETS + "/" + k, appSecrets.get(k)));
        if (AppWorkloads.readsSharedConfig(spec.name())) {
            read.put(HoneyDueApp.APNS_SECRET + "/" + HoneyDueApp.APNS_KEY_FILE, c.secrets().apnsAuthKey().output());
        }
        Map<String, String> config = AppWorkloads.readsSharedConfig(spec.name()) ? AppConfiguration.configData(c) : Map.of();
        return annotations(fixed, config, read, c.secrets().appSecretKey().output());
    }
}
