package com.honeydue.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, validating access to one stack's config. Every getter records a {@link ConfigProblem} instead of
 * throwing, so one run reports every mistake in the stack file; {@link #throwIfProblems()} ends the run.
 */
public final class ConfigReader {
    private final ConfigSchema schema;
    private final RawConfig raw;
    private final List<ConfigProblem> problems = new ArrayList<>();

    public ConfigReader(ConfigSchema schema, RawConfig raw) {
        this.schema = schema;
        this.raw = raw;
    }

    public String stack() {
        return raw.stack();
    }

    /** True for offline renders and tests (stack files on disk, no passphrase); false under the real engine. */
    public boolean offline() {
        return raw.placeholdersForMissingSecrets();
    }

    public void problem(String key, String message) {
        problems.add(new ConfigProblem(key, message));
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblemFor(String key) {
        return problems.stream().anyMatch(p -> p.key().equals(key) || p.key().startsWith(key + "["));
    }

    private ConfigSchema.Declaration declared(String key) {
        return schema.find(key).orElseThrow(() -> new IllegalStateException(
                "program reads config key '" + key + "' that Pulumi.yaml does not declare"));
    }

    /** The explicit value, else the Pulumi.yaml default, else empty (and a problem when required). */
    private Optional<JsonNode> value(String key) {
        var d = declared(key);
        JsonNode v = raw.values().get(key);
        if (v == null || v.isNull()) {
            v = d.defaultValue().orElse(null);
        }
        if (v == null || v.isNull()) {
            problem(key, "is required but not set; expected " + describe(d)
                    + " (pulumi config set " + (d.secret() ? "--secret " : "") + key + " ...)");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String describe(ConfigSchema.Declaration d) {
        String form = d.description().isBlank() ? d.type() : d.description();
        if (d.optionalSecret() && form.indexOf(": ") > 0) {
            form = form.substring(form.indexOf(": ") + 2); // the mark only says how to set it; the message says that too
        }
        return d.type() + ": " + form;
    }

    public String string(String key) {
        return value(key).map(v -> {
            if (!v.isValueNode() || v.isNull()) {
                problem(key, "must be a string, got " + v.getNodeType().name().toLowerCase());
                return "";
            }
            return v.asText();
        }).orElse("");
    }

    /** A string that must match {@code pattern}; {@code expected} names the form in the message. */
    public String string(String key, Pattern pattern, String expected) {
        String s = string(key);
        if (!hasProblemFor(key) && !pattern.matcher(s).matches()) {
            problem(key, "'" + s + "' is not valid; expected " + expected);
        }
        return s;
    }

    public String oneOf(String key, List<String> allowed) {
        String s = string(key);
        if (!hasProblemFor(key) && !allowed.contains(s)) {
            problem(key, "'" + s + "' is not one of " + String.join(", ", allowed) + suggestion(s, allowed));
        }
        return s;
    }

    public boolean bool(String key) {
        return value(key).map(v -> {
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            String s = v.asText();
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            problem(key, "'" + s + "' is not a boolean; expected true or false");
            return false;
        }).orElse(false);
    }

    /** A boolean that may defer to the provider profile: "profile", "true" or "false". */
    public Optional<Boolean> profileBool(String key) {
        String s = string(key);
        switch (s) {
            case "profile": return Optional.empty();
            case "true": return Optional.of(true);
            case "false": return Optional.of(false);
            default:
                if (!hasProblemFor(key)) {
                    problem(key, "'" + s + "' is not valid; expected profile, true or false");
                }
                return Optional.empty();
        }
    }

    public int integer(String key, int min, int max) {
        return value(key).map(v -> {
            int n;
            if (v.isIntegralNumber()) {
                n = v.intValue();
            } else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                n = (int) v.doubleValue();
            } else {
                try {
                    n = Integer.parseInt(v.asText().trim());
                } catch (NumberFormatException e) {
                    problem(key, "'" + v.asText() + "' is not an integer; expected a whole number in " + min + ".." + max);
                    return min;
                }
            }
            if (n < min || n > max) {
                problem(key, n + " is out of range; expected a whole number in " + min + ".." + max);
            }
            return n;
        }).orElse(min);
    }

    public List<String> stringList(String key) {
        return value(key).map(v -> {
            if (!v.isArray()) {
                problem(key, "must be a list of strings (YAML sequence), got " + v.getNodeType().name().toLowerCase());
                return List.<String>of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (!item.isValueNode() || item.isNull()) {
                    problem(key + "[" + i + "]", "must be a string, got " + item.getNodeType().name().toLowerCase());
                } else {
                    out.add(item.asText());
                }
            }
            return out;
        }).orElse(List.of());
    }

    /**
     * A secret value. Required secrets that are missing are a problem, except offline, where they become
     * placeholders so a stack renders without its passphrase. An empty value is unset.
     */
    public Optional<Secret> secret(String key, boolean required) {
        var d = declared(key);
        if (!d.holdsSecret()) {
            throw new IllegalStateException("config key '" + key + "' is read as a secret but Pulumi.yaml marks it neither "
                    + "secret: true nor '" + ConfigSchema.OPTIONAL_SECRET_MARK + "'");
        }
        JsonNode v = raw.values().get(key);
        if (v != null && !v.isNull() && !v.isTextual()) {
            problem(key, "must be a string set with `pulumi config set --secret " + key + "`, got "
                    + v.getNodeType().name().toLowerCase());
            return Optional.empty();
        }
        if (v != null && !v.isNull() && !v.asText().isEmpty() && !raw.encrypted(key)) {
            return Optional.empty(); // plaintextSecrets() reports it, for read and unread keys alike
        }
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            v = d.defaultValue().filter(n -> !n.asText().isEmpty()).orElse(null);
        }
        if (v == null) {
            if (!required) {
                return Optional.empty();
            }
            if (raw.placeholdersForMissingSecrets()) {
                return Optional.of(Secret.of(RawConfig.placeholderFor(key)));
            }
            problem(key, "is a required secret but not set; expected " + describe(d)
                    + " (pulumi config set --secret " + key + " ...)");
            return Optional.empty();
        }
        return Optional.of(Secret.of(v.asText()));
    }

    /**
     * A secret key whose value sits in the stack file in plain text: Pulumi refuses it for {@code secret: true}
     * keys, and the program refuses it for optional secrets, whether this stack reads them or not. The value is
     * never repeated in the message.
     */
    private void checkPlaintextSecrets() {
        raw.values().forEach((key, v) -> schema.find(key).filter(ConfigSchema.Declaration::holdsSecret).ifPresent(d -> {
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty() && !raw.encrypted(key)) {
                problem(key, "is a secret but its value is stored in plain text; remove it from the stack file and set it "
                        + "with `pulumi config set --secret " + key + "` (then rotate it: it may be in version control)");
            }
        }));
    }

    /** Keys in the stack file that Pulumi.yaml does not declare: almost always typos. */
    private void checkUnknownKeys() {
        for (String key : raw.values().keySet()) {
            if (schema.find(key).isEmpty()) {
                problem(key, "is not a config key of this project" + suggestion(key, schema.declarations().keySet()));
            }
        }
    }

    static String suggestion(String typo, java.util.Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> Levenshtein.distance(typo.toLowerCase(), k.toLowerCase())))
                .filter(k -> Levenshtein.distance(typo.toLowerCase(), k.toLowerCase()) <= Math.max(2, typo.length() / 3))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }

    public void throwIfProblems() {
        checkPlaintextSecrets();
        checkUnknownKeys();
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(raw.stack(), problems);
        }
    }
}
