package com.honeydue.infra.config;

import com.honeydue.infra.values.Shown;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Pulumi.<stack>.yaml} read the way the engine reads it (workspace.LoadProjectStack, config.Map, ParseKey):
 * <ul>
 *   <li>YAML as yaml.v3 reads it ({@link YamlTree}): aliases resolved, a key given twice refused;</li>
 *   <li>the top level is {@code config}, {@code environment} and the secrets-provider settings; anything else is
 *       ignored by the engine, so it is a warning here, and a problem when there is no {@code config} at all;</li>
 *   <li>a key is {@code <namespace>:<name>}, or {@code <namespace>:config:<name>}, or a bare name that the engine
 *       puts in the project's namespace; any other key makes the engine refuse the file;</li>
 *   <li>a scalar reaches the program as the text the engine stores ({@code 0x24b} as {@code 587}, null as
 *       {@code ""}), a list or map as the JSON the engine stores.</li>
 * </ul>
 */
final class StackFileReader {
    static final List<String> TOP_LEVEL = List.of("config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt");
    /** Namespaces of the providers this program uses: their keys are provider settings, not mistakes. */
    static final Set<String> PROVIDER_NAMESPACES = Set.of("pulumi", "kubernetes", "cloudflare", "command");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key of another namespace, which the engine accepts and this program never reads. */
    record ForeignKey(String key, int line) {}

    record Result(Map<String, JsonNode> values, Set<String> encrypted, List<ForeignKey> foreign, List<String> warnings) {}

    private final String stack;
    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private StackFileReader(String stack, String file) {
        this.stack = stack;
        this.file = file;
    }

    /**
     * @throws YamlTree.SyntaxException when the text is not YAML
     * @throws ConfigValidationException when the engine would refuse the file (every such problem at once)
     */
    static Result read(String stack, String file, String text) throws YamlTree.SyntaxException {
        return new StackFileReader(stack, file).read(text);
    }

    private Result read(String text) throws YamlTree.SyntaxException {
        YamlTree.Document doc = YamlTree.read(text);
        if (doc.documents() > 1) {
            warnings.add(file + " holds " + doc.documents() + " YAML documents; Pulumi reads only the first, so everything "
                    + "after the first '---' is ignored");
        }
        for (YamlTree.Duplicate d : doc.duplicates()) {
            duplicate(d);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Set<String> encrypted = new HashSet<>();
        List<ForeignKey> foreign = new ArrayList<>();
        YamlTree.Value root = doc.root();
        if (root instanceof YamlTree.Scalar s && s.value() == null) {
            return finish(values, encrypted, foreign); // an empty stack file: no config
        }
        if (!(root instanceof YamlTree.MapValue top)) {
            problems.add(new ConfigProblem(where(root.line()), "the stack file must be a YAML map with a 'config:' block; "
                    + "Pulumi refuses it (expected project to be an object)"));
            return finish(values, encrypted, foreign);
        }
        YamlTree.Entry config = top.entries().get("config");
        for (YamlTree.Entry e : top.entries().values()) {
            if (!TOP_LEVEL.contains(e.key())) {
                String what = "top-level key " + Shown.value(e.key()) + " is not a stack file setting"
                        + ConfigReader.suggestion(e.key(), TOP_LEVEL) + "; Pulumi ignores it and everything below it";
                if (config == null) {
                    problems.add(new ConfigProblem(where(e.line()), what + ", so this stack file sets no config at all; "
                            + "expected 'config:' with keys like " + ConfigKeys.PROJECT + ":provider"));
                } else {
                    warnings.add(where(e.line()) + ": " + what);
                }
            }
        }
        if (config == null || config.value() instanceof YamlTree.Scalar s && s.value() == null) {
            return finish(values, encrypted, foreign);
        }
        if (!(config.value() instanceof YamlTree.MapValue entries)) {
            problems.add(new ConfigProblem(where(config.line()), "'config' must be a map of <namespace>:<key>: <value>; "
                    + "Pulumi refuses the file (could not unmarshal map)"));
            return finish(values, encrypted, foreign);
        }
        Map<String, YamlTree.Entry> byKey = new HashMap<>();
        for (YamlTree.Entry e : entries.entries().values()) {
            String key = parseKey(e);
            if (key == null) {
                continue;
            }
            YamlTree.Entry first = byKey.putIfAbsent(key, e);
            if (first != null) {
                problems.add(new ConfigProblem(key, "is set twice, as " + Shown.value(first.key()) + " (line " + first.line()
                        + ") and " + Shown.value(e.key()) + " (line " + e.line() + "), which the engine reads as one key and "
                        + "keeps either value; expected it once"));
                continue;
            }
            String namespace = key.substring(0, key.indexOf(':'));
            String name = key.substring(key.indexOf(':') + 1);
            if (!namespace.equals(ConfigKeys.PROJECT)) {
                if (!PROVIDER_NAMESPACES.contains(namespace)) {
                    foreign.add(new ForeignKey(key, e.line()));
                }
                continue;
            }
            if (secure(e.value())) {
                values.put(name, TextNode.valueOf(RawConfig.placeholderFor(name)));
                encrypted.add(name);
            } else {
                values.put(name, value(key, e));
            }
        }
        return finish(values, encrypted, foreign);
    }

    private Result finish(Map<String, JsonNode> values, Set<String> encrypted, List<ForeignKey> foreign) {
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(stack, problems);
        }
        return new Result(values, encrypted, foreign, warnings);
    }

    private String where(int line) {
        return file + ":" + line;
    }

    private void duplicate(YamlTree.Duplicate d) {
        String engine = " (Pulumi refuses the file: mapping key \"" + Shown.text(d.key()) + "\" already defined at line "
                + d.firstLine() + ")";
        if (d.path().isEmpty()) {
            problems.add(new ConfigProblem(where(d.line()), "top-level key " + Shown.value(d.key()) + " is given twice, at lines "
                    + d.firstLine() + " and " + d.line() + engine));
        } else if (d.path().size() == 1 && d.path().get(0).equals("config")) {
            problems.add(new ConfigProblem(displayKey(d.key()), "is set twice in the stack file, at lines " + d.firstLine() + " and "
                    + d.line() + engine + "; expected it once"));
        } else {
            String owner = d.path().size() > 1 && d.path().get(0).equals("config") ? displayKey(d.path().get(1)) : where(d.line());
            problems.add(new ConfigProblem(owner, "map key " + Shown.value(d.key()) + " is given twice, at lines " + d.firstLine()
                    + " and " + d.line() + engine));
        }
    }

    /** The key as the engine names it: a bare name is in the project's namespace. */
    private static String displayKey(String raw) {
        return raw.contains(":") ? raw : ConfigKeys.PROJECT + ":" + raw;
    }

    /** config.ParseKey plus the engine's rewrite of bare names; null (and a problem) where the engine refuses the key. */
    private String parseKey(YamlTree.Entry e) {
        String k = e.key();
        String[] parts = k.split(":", -1);
        if (parts.length == 1) {
            return ConfigKeys.PROJECT + ":" + k;
        }
        if (parts.length == 2) {
            return k;
        }
        if (parts.length == 3 && parts[1].equals("config")) {
            return parts[0] + ":" + parts[2];
        }
        problems.add(new ConfigProblem(where(e.line()), "could not parse " + Shown.value(k) + " as a configuration key "
                + "(configuration keys should be of the form `<namespace>:<name>`); Pulumi refuses the file"));
        return null;
    }

    private static boolean secure(YamlTree.Value v) {
        return v instanceof YamlTree.MapValue m && m.entries().size() == 1 && m.entries().containsKey("secure")
                && m.entries().get("secure").value() instanceof YamlTree.Scalar s && s.value() instanceof String;
    }

    /** What the program receives for this key: the engine's text for a scalar, its JSON for a list or map. */
    private JsonNode value(String key, YamlTree.Entry e) {
        YamlTree.Value v = e.value();
        if (v instanceof YamlTree.Scalar s) {
            if (s.value() == null) {
                warnings.add(where(e.line()) + ": " + key + " has no value; Pulumi reads it as an empty string \"\" (not as "
                        + "unset, so the Pulumi.yaml default does not apply); write the value, or \"\", or remove the key");
                return TextNode.valueOf("");
            }
            if (s.value() instanceof Double d && (d.isNaN() || d.isInfinite())) {
                problems.add(new ConfigProblem(key, Shown.value(String.valueOf(d)) + " is not a storable number; Pulumi refuses "
                        + "the file (json: unsupported value); quote it if it is meant as text"));
                return TextNode.valueOf("");
            }
            return TextNode.valueOf(GoText.scalar(s.value()));
        }
        try {
            return JSON.readTree(GoText.json(v, RawConfig.placeholderFor(key.substring(key.indexOf(':') + 1))));
        } catch (IOException | IllegalArgumentException ex) {
            problems.add(new ConfigProblem(key, "cannot be stored as JSON (" + Shown.text(String.valueOf(ex.getMessage()))
                    + "); Pulumi refuses the file"));
            return TextNode.valueOf("");
        }
    }
}
