package com.honeydue.infra.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One spelling for every JSON value render writes, so equal inputs give equal bytes: object keys sorted, and
 * whole numbers as integers (the engine's wire format only has doubles, so replicas: 3 arrives as 3.0, which a
 * Kubernetes schema validator would reject for an integer field).
 */
public final class CanonicalJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double MAX_EXACT = 9_007_199_254_740_992d; // 2^53

    private CanonicalJson() {}

    /** Keys sorted at every level, integral doubles as integers. */
    public static JsonNode of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            ObjectNode out = NODES.objectNode();
            keys.forEach(k -> out.set(k, of(node.get(k))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(e -> out.add(of(e)));
            return out;
        }
        return number(node);
    }

    /** Like {@link #of} but keeps the object's own key order (Kubernetes objects put apiVersion/kind first). */
    static JsonNode numbersOnly(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), numbersOnly(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(e -> out.add(numbersOnly(e)));
            return out;
        }
        return number(node);
    }

    private static JsonNode number(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < MAX_EXACT && !(d == 0 && 1 / d < 0)) {
                return NODES.numberNode((long) d);
            }
        }
        return node;
    }

    /** Writes empty arrays and objects as [] and {} (Jackson's default printer adds a space). */
    private static final class CompactEmptyPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        CompactEmptyPrinter() {}

        CompactEmptyPrinter(CompactEmptyPrinter base) {
            super(base);
        }

        @Override
        public CompactEmptyPrinter createInstance() {
            return new CompactEmptyPrinter(this);
        }

        @Override
        public CompactEmptyPrinter withSeparators(Separators separators) {
            CompactEmptyPrinter p = new CompactEmptyPrinter(this);
            p._separators = separators;
            p._objectFieldValueSeparatorWithSpaces = separators.getObjectFieldValueSpacing().apply(separators.getObjectFieldValueSeparator());
            return p;
        }

        @Override
        public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int values) throws java.io.IOException {
            if (values == 0) {
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, values);
        }

        @Override
        public void writeEndObject(com.fasterxml.jackson.core.JsonGenerator g, int entries) throws java.io.IOException {
            if (entries == 0) {
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, entries);
        }
    }

    /** Two-space indented JSON with "key": value and a final newline; platform independent. */
    public static String pretty(JsonNode node) {
        var indenter = new DefaultIndenter("  ", "\n");
        // with*Indenter would return a plain DefaultPrettyPrinter, so the indenters are set in place.
        CompactEmptyPrinter printer = new CompactEmptyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
