package com.honeydue.infra.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text the engine stores for a config value (config.object.MarshalString): a string as is, a boolean as
 * true/false, an integer in decimal, a float as Go's encoding/json writes it, and a list or map as Go's JSON
 * (map keys sorted). This is exactly what the program receives from {@code ctx.config()}.
 */
final class GoText {
    private GoText() {}

    static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return goFloat(d);
        }
        return v.toString(); // String, Boolean, BigInteger
    }

    /** Go's json.Marshal of the value; a nested {@code {secure: ...}} becomes {@code placeholder} (offline: no passphrase). */
    static String json(YamlTree.Value v, String placeholder) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, placeholder);
        return sb.toString();
    }

    private static void write(StringBuilder sb, YamlTree.Value v, String placeholder) {
        if (v instanceof YamlTree.Scalar s) {
            Object x = s.value();
            if (x instanceof String str) {
                quote(sb, str);
            } else if (x instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException("json: unsupported value: " + d);
            } else {
                sb.append(scalar(x));
            }
        } else if (v instanceof YamlTree.Seq seq) {
            sb.append('[');
            for (int i = 0; i < seq.items().size(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(sb, seq.items().get(i), placeholder);
            }
            sb.append(']');
        } else {
            Map<String, YamlTree.Entry> entries = ((YamlTree.MapValue) v).entries();
            if (entries.size() == 1 && entries.containsKey("secure")
                    && entries.get("secure").value() instanceof YamlTree.Scalar s && s.value() instanceof String) {
                quote(sb, placeholder);
                return;
            }
            sb.append('{');
            boolean first = true;
            for (var e : new TreeMap<>(entries).entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue().value(), placeholder);
            }
            sb.append('}');
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    /** encoding/json's float64: shortest digits, 'f' form for 1e-6 ≤ |f| &lt; 1e21, else 'e' form like 1e+21 or 1e-7. */
    static String goFloat(double f) {
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(f)).stripTrailingZeros();
        double abs = Math.abs(f);
        if (abs >= 1e-6 && abs < 1e21) {
            return d.toPlainString();
        }
        BigInteger unscaled = d.unscaledValue().abs();
        String digits = unscaled.toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = exponent < 0 ? "-" + (-exponent) : "+" + (exponent < 10 ? "0" + exponent : String.valueOf(exponent));
        return (f < 0 ? "-" : "") + mantissa + "e" + exp;
    }
}
