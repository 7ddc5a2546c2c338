package com.honeydue.infra.config;

import com.honeydue.infra.values.Secret;
import com.honeydue.infra.values.Shown;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, validating access to one stack's config. Every getter records a {@link ConfigProblem} instead of
 * throwing, so one run reports every mistake in the stack file; {@link #throwIfProblems()} ends the run.
 */
public final class ConfigReader {
    /** Longest value of a string key or list entry: far beyond any real one, short enough for every pattern. */
    public static final int MAX_STRING = 1024;
    /** Keys that carry a PEM block and may be longer. */
    private static final Map<String, Integer> LONGER = Map.of("kyvernoPublicKey", 16 * 1024);
    static final int MAX_SECRET = 64 * 1024;
    static final int MAX_ITEMS = 1000;

    /** One entry of a list, with its index in the stack file's list (a refused entry keeps its place). */
    public record Item(int index, String value) {
        /** {@code key[index]}, the name problems about this entry carry. */
        public String key(String list) {
            return list + "[" + index + "]";
        }
    }

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

    /** A problem with lines printed under it (commands that fix it); see {@link ConfigProblem#detail()}. */
    public void problem(String key, String message, List<String> detail) {
        problems.add(new ConfigProblem(key, message, detail));
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

    /** A string value; longer than {@link #MAX_STRING} is a problem (and reads as ""), so no pattern ever sees it. */
    public String string(String key) {
        return value(key).map(v -> {
            if (!v.isValueNode() || v.isNull()) {
                problem(key, "must be a string, got " + type(v));
                return "";
            }
            String s = v.asText();
            int limit = LONGER.getOrDefault(key, MAX_STRING);
            if (s.length() > limit) {
                problem(key, Shown.value(s) + " is too long; expected at most " + limit + " characters");
                return "";
            }
            return s;
        }).orElse("");
    }

    /** A string that must match {@code pattern}; {@code expected} names the form in the message. */
    public String string(String key, Pattern pattern, String expected) {
        String s = string(key);
        if (!hasProblemFor(key) && !pattern.matcher(s).matches()) {
            problem(key, Shown.value(s) + " is not valid; expected " + expected);
        }
        return s;
    }

    public String oneOf(String key, List<String> allowed) {
        String s = string(key);
        if (!hasProblemFor(key) && !allowed.contains(s)) {
            problem(key, Shown.value(s) + " is not one of " + String.join(", ", allowed) + suggestion(s, allowed));
        }
        return s;
    }

    private static String type(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
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
            problem(key, Shown.value(s) + " is not a boolean; expected true or false");
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
                    problem(key, Shown.value(s) + " is not valid; expected profile, true or false");
                }
                return Optional.empty();
        }
    }

    /**
     * A whole number in {@code min..max}, parsed strictly: ASCII digits with an optional '-', no '+', spaces or other
     * digits, and never wrapped (a 64-bit value is out of range, not its low 32 bits).
     */
    public int integer(String key, int min, int max) {
        return value(key).map(v -> {
            String range = "expected a whole number in " + min + ".." + max;
            Optional<BigInteger> n = wholeNumber(v);
            if (n.isEmpty()) {
                problem(key, Shown.value(v.isValueNode() ? v.asText() : v.toString()) + " is not an integer; " + range
                        + " (ASCII digits, no '+')");
                return min;
            }
            if (n.get().compareTo(BigInteger.valueOf(min)) < 0 || n.get().compareTo(BigInteger.valueOf(max)) > 0) {
                problem(key, Shown.text(n.get().toString()) + " is out of range; " + range);
                return min;
            }
            return n.get().intValueExact();
        }).orElse(min);
    }

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}");

    /** The integer a JSON number or a decimal text holds; empty for anything else (1.5, +3, ٣, 0x10, " 3"). */
    static Optional<BigInteger> wholeNumber(JsonNode v) {
        if (v.isIntegralNumber()) {
            return Optional.of(v.bigIntegerValue());
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? Optional.of(d.toBigInteger()) : Optional.empty();
        }
        if (v.isTextual() && DECIMAL.matcher(v.asText()).matches()) {
            return Optional.of(new BigInteger(v.asText()));
        }
        return Optional.empty();
    }

    /** The string entries of a list; see {@link #items}. */
    public List<String> stringList(String key) {
        return items(key).stream().map(Item::value).toList();
    }

    /**
     * The entries of a list of strings, each with its own index: a refused entry (null, a number, a map, too long)
     * is a problem at {@code key[i]}, and the entries after it keep their index in messages.
     */
    public List<Item> items(String key) {
        return value(key).map(v -> {
            if (!v.isArray()) {
                problem(key, "must be a list of strings (YAML sequence), got " + type(v));
                return List.<Item>of();
            }
            if (v.size() > MAX_ITEMS) {
                problem(key, "has " + v.size() + " entries; expected at most " + MAX_ITEMS);
                return List.<Item>of();
            }
            List<Item> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                String at = key + "[" + i + "]";
                if (!item.isTextual()) {
                    // The engine refuses these too: array<string> holds strings only.
                    problem(at, "must be a string, got " + type(item) + (item.isNull() ? " (an empty list entry)" : ""));
                } else if (item.asText().length() > MAX_STRING) {
                    problem(at, Shown.value(item.asText()) + " is too long; expected at most " + MAX_STRING + " characters");
                } else {
                    out.add(new Item(i, item.asText()));
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
        if (v != null && v.asText().length() > MAX_SECRET) {
            problem(key, "is " + v.asText().length() + " characters long; expected at most " + MAX_SECRET);
            return Optional.empty();
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

    public static String suggestion(String typo, java.util.Collection<String> known) {
        if (typo.length() > 100) {
            return "";
        }
        return known.stream()
                .min(Comparator.comparingInt(k -> Levenshtein.distance(typo.toLowerCase(), k.toLowerCase())))
                .filter(k -> Levenshtein.distance(typo.toLowerCase(), k.toLowerCase()) <= Math.max(2, typo.length() / 3))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }

    /**
     * What the program warns about but accepts, because the engine accepts it too: keys of a foreign namespace (never
     * read), and what the stack file reader noticed.
     */
    public List<String> warnings() {
        return StackKeyChecks.warnings(schema, raw);
    }

    public void throwIfProblems() {
        StackKeyChecks.plaintextSecrets(schema, raw, this);
        StackKeyChecks.unknownKeys(schema, raw, this);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(raw.stack(), problems);
        }
    }
}
