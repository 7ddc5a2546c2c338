package com.honeydue.infra.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code .dockerconfigjson} payload of a kubernetes.io/dockerconfigjson image-pull Secret. */
public final class DockerConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerConfigJson() {}

    public static String of(String registry, String user, String token) {
        if (registry.isBlank() || registry.contains("/")) {
            throw new IllegalArgumentException("registry must be a bare host like gitea.treytartt.com, got '" + registry + "'");
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("username", user);
        entry.put("password", token);
        entry.put("auth", Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)));
        try {
            return JSON.writeValueAsString(Map.of("auths", Map.of(registry, entry)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
