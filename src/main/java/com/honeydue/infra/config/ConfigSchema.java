package com.honeydue.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code config:} block of Pulumi.yaml: every key the program reads, with its type, default and secrecy. */
public final class ConfigSchema {
    /** How Pulumi.yaml marks a secret that only some stacks need (see its header comment). */
    public static final String OPTIONAL_SECRET_MARK = "optional secret";

    /**
     * One declared key. {@code defaultValue} is empty when the key has no default (Pulumi then requires it).
     * {@code secret} is Pulumi's {@code secret: true}; such a key has no default, so Pulumi requires it. An
     * optional secret cannot be marked that way (Pulumi would refuse its empty default), so its description says so.
     */
    public record Declaration(String key, String type, String itemType, boolean secret, Optional<JsonNode> defaultValue,
                              String description) {
        public boolean optionalSecret() {
            return !secret && description.startsWith(OPTIONAL_SECRET_MARK);
        }

        /** A value that must only ever be set encrypted ({@code pulumi config set --secret}). */
        public boolean holdsSecret() {
            return secret || optionalSecret();
        }
    }

    private final Map<String, Declaration> declarations;

    private ConfigSchema(Map<String, Declaration> declarations) {
        this.declarations = Collections.unmodifiableMap(declarations);
    }

    public static ConfigSchema load(Path pulumiYaml) {
        try {
            return parse(Files.readString(pulumiYaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pulumiYaml + ": " + e.getMessage(), e);
        }
    }

    public static ConfigSchema parse(String pulumiYaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(pulumiYaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("Pulumi.yaml is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Declaration> out = new LinkedHashMap<>();
        JsonNode config = root.path("config");
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = ConfigKeys.local(e.getKey());
            if (key == null) {
                continue;
            }
            JsonNode d = e.getValue();
            out.put(key, new Declaration(key, d.path("type").asText("string"), d.path("items").path("type").asText(null),
                    d.path("secret").asBoolean(false), Optional.ofNullable(d.get("default")),
                    d.path("description").asText("")));
        }
        return new ConfigSchema(out);
    }

    public Map<String, Declaration> declarations() {
        return declarations;
    }

    public Optional<Declaration> find(String key) {
        return Optional.ofNullable(declarations.get(key));
    }
}
