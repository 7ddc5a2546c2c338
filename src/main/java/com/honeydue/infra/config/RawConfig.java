package com.honeydue.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.pulumi.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explicit key→value map of one stack, before defaults and typing. Two sources feed it: the real engine
 * ({@link #fromPulumi}) and the stack files on disk ({@link #fromStackFile}, used by render and tests, because
 * the mock engine has no config hook). Both go through the same {@link ConfigReader}.
 */
public final class RawConfig {
    /** What a {@code secure:} value becomes offline: recognisable, and never a real secret. */
    public static final String SECURE_PLACEHOLDER_PREFIX = "offline-placeholder-for-";

    private final String stack;
    private final Map<String, JsonNode> values;
    private final Set<String> encryptedKeys;
    private final boolean placeholdersForMissingSecrets;
    private final List<String> foreignKeys;
    private final List<String> warnings;

    /**
     * @param encryptedKeys the keys whose value was stored encrypted ({@code pulumi config set --secret}); a secret
     *                      key outside this set was written in plain text, which the loader refuses
     */
    public RawConfig(String stack, Map<String, JsonNode> values, Set<String> encryptedKeys, boolean placeholdersForMissingSecrets) {
        this(stack, values, encryptedKeys, placeholdersForMissingSecrets, List.of(), List.of());
    }

    /**
     * @param foreignKeys keys of another namespace than the project's or a provider's ({@code honeydue:k3sVersion}):
     *                    the engine accepts them and this program never reads them, so each is warned about
     * @param warnings    what the stack file reader noticed that the engine accepts but is likely a mistake
     */
    public RawConfig(String stack, Map<String, JsonNode> values, Set<String> encryptedKeys, boolean placeholdersForMissingSecrets,
                     List<String> foreignKeys, List<String> warnings) {
        this.stack = stack;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.encryptedKeys = Set.copyOf(encryptedKeys);
        this.placeholdersForMissingSecrets = placeholdersForMissingSecrets;
        this.foreignKeys = List.copyOf(foreignKeys);
        this.warnings = List.copyOf(warnings);
    }

    /** Already-decrypted config (tests, tools): every value counts as set with {@code --secret}. */
    public RawConfig(String stack, Map<String, JsonNode> values, boolean placeholdersForMissingSecrets) {
        this(stack, values, values.keySet(), placeholdersForMissingSecrets);
    }

    public String stack() {
        return stack;
    }

    public Map<String, JsonNode> values() {
        return values;
    }

    /** Qualified keys of a foreign namespace, in file order. */
    public List<String> foreignKeys() {
        return foreignKeys;
    }

    /** Likely mistakes the engine accepts (unknown top-level keys, empty values...), each naming its key or line. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when the key's value was stored encrypted (set with {@code pulumi config set --secret}). */
    public boolean encrypted(String key) {
        return encryptedKeys.contains(key);
    }

    /** Offline renders have no passphrase: missing or encrypted secrets become placeholders instead of errors. */
    public boolean placeholdersForMissingSecrets() {
        return placeholdersForMissingSecrets;
    }

    public static String placeholderFor(String key) {
        return SECURE_PLACEHOLDER_PREFIX + key;
    }

    /**
     * Reads {@code Pulumi.<stack>.yaml} the way the engine does ({@link StackFileReader}); {@code secure:} values become
     * placeholders (no passphrase offline).
     *
     * @throws ConfigValidationException when the engine would refuse the file, naming each key or line
     */
    public static RawConfig fromStackFile(Path projectDir, String stack) throws IOException {
        Path file = projectDir.resolve("Pulumi." + stack + ".yaml");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no stack file for stack '" + stack + "'");
        }
        return fromStackYaml(stack, file.getFileName().toString(), text);
    }

    public static RawConfig fromStackYaml(String stack, String yaml) throws IOException {
        return fromStackYaml(stack, "Pulumi." + stack + ".yaml", yaml);
    }

    static RawConfig fromStackYaml(String stack, String fileName, String yaml) throws IOException {
        if (!yaml.isEmpty() && yaml.charAt(0) == '\uFEFF') {
            yaml = yaml.substring(1); // the engine strips a UTF-8 byte order mark too
        }
        StackFileReader.Result r = StackFileReader.read(stack, fileName, yaml);
        return new RawConfig(stack, r.values(), r.encrypted(), true,
                r.foreign().stream().map(StackFileReader.ForeignKey::key).toList(), r.warnings());
    }

    /** Under the real engine: every declared key through ctx.config(), which has already decrypted secrets. */
    public static RawConfig fromPulumi(Context ctx, ConfigSchema schema) {
        var config = ctx.config();
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        for (var d : schema.declarations().values()) {
            config.get(d.key()).ifPresent(raw -> values.put(d.key(), parseScalarOrJson(json, d.type(), raw)));
        }
        // Keys the schema does not declare (typos) are only visible in the raw engine config.
        String all = System.getenv(ENGINE_CONFIG_ENV);
        if (all != null && !all.isBlank()) {
            try {
                for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(all).fields(); it.hasNext(); ) {
                    var e = it.next();
                    String key = ConfigKeys.local(e.getKey());
                    if (key != null && !values.containsKey(key) && schema.find(key).isEmpty()) {
                        values.put(key, TextNode.valueOf("(set)"));
                    } else if (key == null && !StackFileReader.PROVIDER_NAMESPACES.contains(ConfigKeys.namespace(e.getKey()))) {
                        foreign.add(e.getKey());
                    }
                }
            } catch (IOException ignored) {
                // The SDK has already parsed this variable; an unreadable copy only costs the typo hints.
            }
        }
        return new RawConfig(ctx.stackName(), values, engineSecretKeys(json), false, foreign, List.of());
    }

    /** The language host passes the whole config as JSON, and the keys that were stored encrypted, in these. */
    static final String ENGINE_CONFIG_ENV = "PULUMI_CONFIG";
    static final String ENGINE_SECRET_KEYS_ENV = "PULUMI_CONFIG_SECRET_KEYS";

    private static Set<String> engineSecretKeys(ObjectMapper json) {
        String raw = System.getenv(ENGINE_SECRET_KEYS_ENV);
        Set<String> keys = new HashSet<>();
        if (raw == null || raw.isBlank()) {
            return keys;
        }
        try {
            for (JsonNode k : json.readTree(raw)) {
                String key = ConfigKeys.local(k.asText());
                if (key != null) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(ENGINE_SECRET_KEYS_ENV + " from the language host is not a JSON list", e);
        }
        return keys;
    }

    private static JsonNode parseScalarOrJson(ObjectMapper json, String type, String raw) {
        if ("array".equals(type)) {
            try {
                return json.readTree(raw);
            } catch (IOException e) {
                return TextNode.valueOf(raw);
            }
        }
        return TextNode.valueOf(raw);
    }
}
