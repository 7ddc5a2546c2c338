package com.honeydue.infra.config;

import com.honeydue.infra.values.Shown;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML document read the way the engine's reader (Go's gopkg.in/yaml.v3, decoding into {@code any}) reads it:
 * aliases resolve to their anchored value, {@code <<} merges maps, a key given twice in one mapping is an error,
 * and plain scalars take yaml.v3's types (YAML 1.2 booleans and nulls, Go integers incl. 0x/0o/0b, floats),
 * while quoted scalars stay strings. SnakeYAML only composes the nodes; the typing is done here.
 */
public final class YamlTree {
    /** Bounds for hostile input: nesting, alias fan-out and total size, far beyond any real stack file. */
    static final int MAX_DEPTH = 40;
    static final int MAX_VALUES = 200_000;
    static final int MAX_CHARS = 4 * 1024 * 1024;

    /** A plain (unquoted, untagged) scalar, still to be typed the way yaml.v3 types it. */
    private static final Tag PLAIN = new Tag("tag:honeydue-infra,2026:plain");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    /** Any typed value: null, Boolean, BigInteger, Double, String, List, or a map (keys as text, in file order). */
    public sealed interface Value permits Scalar, Seq, MapValue {
        int line();
    }

    /** {@code value} is null, a Boolean, a BigInteger, a Double or a String. */
    public record Scalar(Object value, int line) implements Value {}

    public record Seq(List<Value> items, int line) implements Value {}

    /** One mapping entry: the key's text and line, and its value. */
    public record Entry(String key, int line, Value value) {}

    public record MapValue(Map<String, Entry> entries, int line) implements Value {}

    /** A key given twice in one mapping (yaml.v3: "mapping key ... already defined"); {@code path} names the mapping. */
    public record Duplicate(List<String> path, String key, int firstLine, int line) {}

    /** A YAML syntax error (or a document beyond the bounds), with its position. */
    public static final class SyntaxException extends IOException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** The first document, every duplicate key found, and how many documents the text holds. */
    public record Document(Value root, List<Duplicate> duplicates, int documents) {}

    private final List<Duplicate> duplicates = new ArrayList<>();
    private int values;

    private YamlTree() {}

    public static Document read(String text) throws SyntaxException {
        if (text.length() > MAX_CHARS) {
            throw new SyntaxException("is " + text.length() + " characters long; expected at most " + MAX_CHARS);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported here, with both lines, like yaml.v3
        options.setMaxAliasesForCollections(100);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CHARS);
        Resolver plain = new Resolver() {
            @Override
            public Tag resolve(NodeId kind, String value, boolean implicit) {
                return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
            }
        };
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), plain, options);
            Node first = null;
            int documents = 0;
            while (composer.checkNode()) {
                Node n = composer.getNode();
                if (documents++ == 0) {
                    first = n;
                }
            }
            YamlTree tree = new YamlTree();
            Value root = first == null ? new Scalar(null, 1) : tree.convert(first, List.of(), 0);
            return new Document(root, List.copyOf(tree.duplicates), documents);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            throw new SyntaxException(where + Shown.text(String.valueOf(e.getProblem() != null ? e.getProblem() : e.getContext())));
        } catch (YAMLException | StackOverflowError e) {
            throw new SyntaxException(Shown.text(e instanceof StackOverflowError ? "nested too deeply" : String.valueOf(e.getMessage())));
        }
    }

    private Value convert(Node node, List<String> path, int depth) throws SyntaxException {
        if (depth > MAX_DEPTH || ++values > MAX_VALUES) {
            throw new SyntaxException("line " + line(node) + ": nested too deeply or expands to too many values (a recursive "
                    + "or repeated alias?); expected at most " + MAX_DEPTH + " levels and " + MAX_VALUES + " values");
        }
        if (node instanceof ScalarNode s) {
            return new Scalar(typed(s), line(node));
        }
        if (node instanceof SequenceNode s) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                items.add(convert(s.getValue().get(i), append(path, "[" + i + "]"), depth + 1));
            }
            return new Seq(items, line(node));
        }
        MappingNode m = (MappingNode) node;
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<MapValue> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new SyntaxException("line " + line(t.getKeyNode()) + ": a mapping key must be a scalar");
            }
            if (k.getTag().equals(PLAIN) && k.getValue().equals("<<")) {
                mergeSources(t.getValueNode(), path, depth, merged);
                continue;
            }
            Entry first = entries.get(k.getValue());
            if (first != null) {
                duplicates.add(new Duplicate(path, k.getValue(), first.line(), line(k)));
                continue;
            }
            entries.put(k.getValue(), new Entry(k.getValue(), line(k), convert(t.getValueNode(), append(path, k.getValue()), depth + 1)));
        }
        for (MapValue source : merged) { // explicit keys win over merged ones, earlier sources over later ones
            source.entries().forEach(entries::putIfAbsent);
        }
        return new MapValue(entries, line(node));
    }

    private void mergeSources(Node value, List<String> path, int depth, List<MapValue> into) throws SyntaxException {
        List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
        for (Node source : sources) {
            if (!(convert(source, path, depth + 1) instanceof MapValue map)) {
                throw new SyntaxException("line " + line(source) + ": map merge requires map or sequence of maps as the value");
            }
            into.add(map);
        }
    }

    private static List<String> append(List<String> path, String part) {
        List<String> out = new ArrayList<>(path);
        out.add(part);
        return out;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** yaml.v3's typing of one scalar decoded into {@code any}. */
    private static Object typed(ScalarNode s) throws SyntaxException {
        String text = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(PLAIN)) {
            return resolvePlain(text);
        }
        if (tag.equals(Tag.STR) || tag.equals(Tag.BINARY) || tag.equals(Tag.TIMESTAMP)) {
            return text;
        }
        if (tag.equals(Tag.NULL) || tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            Object v = resolvePlain(text);
            boolean fits = tag.equals(Tag.NULL) ? v == null : tag.equals(Tag.BOOL) ? v instanceof Boolean
                    : tag.equals(Tag.INT) ? v instanceof BigInteger : v instanceof Double || v instanceof BigInteger;
            if (!fits) {
                throw new SyntaxException("line " + line(s) + ": cannot decode " + Shown.value(text) + " as " + tag.getValue());
            }
            return tag.equals(Tag.FLOAT) && v instanceof BigInteger b ? (Object) b.doubleValue() : v;
        }
        return resolvePlain(text); // a local tag (!foo): yaml.v3 decodes the value underneath
    }

    /** yaml.v3's resolve() for a plain scalar: null, Boolean, BigInteger (fits int64 or uint64), Double or String. */
    static Object resolvePlain(String in) {
        switch (in) {
            case "", "~", "null", "Null", "NULL": return null;
            case "true", "True", "TRUE": return Boolean.TRUE;
            case "false", "False", "FALSE": return Boolean.FALSE;
            case ".nan", ".NaN", ".NAN": return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        char c = in.charAt(0);
        if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))) {
            return in;
        }
        String plain = in.replace("_", "");
        BigInteger i = goInteger(plain);
        if (i != null) {
            return i;
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            double d = Double.parseDouble(plain);
            return Double.isInfinite(d) ? in : d; // Go's ParseFloat fails on overflow: the text stays a string
        }
        return in;
    }

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Go's strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): sign, 0x/0o/0b/leading-0 octal, ASCII digits. */
    static BigInteger goInteger(String s) {
        boolean negative = s.startsWith("-");
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        if (body.isEmpty() || body.length() > 70) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            char ch = body.charAt(k);
            if (ch > 127 || Character.digit(ch, radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        v = negative ? v.negate() : v;
        return v.compareTo(INT64_MIN) < 0 || v.compareTo(UINT64_MAX) > 0 ? null : v;
    }
}
