package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one resource's inputs as the offline render recorded them with the inputs a real `pulumi preview` reports
 * for it. Equal means equal, with exactly these allowances:
 * <ul>
 *   <li>a value the engine does not know yet (an Output of a resource that does not exist) is not compared;</li>
 *   <li>a value the preview hides ("[secret]": a secret, or an input the provider's schema marks secret, such as
 *       pulumi-command's {@code connection}) is not compared; the render must not hide what the preview shows;</li>
 *   <li>the keyed digest of a pod's Secret data ({@value #SECRET_DIGEST_ANNOTATION}) is compared by form only (64 hex
 *       digits on both sides): the render computes it from the placeholders that stand in for secrets offline, the
 *       engine from the real values;</li>
 *   <li>numbers are compared by value (the wire format only has doubles);</li>
 *   <li>a provider resource gains {@code version} and {@code __internal} from the engine.</li>
 * </ul>
 * Everything else, a missing key, an extra key or a different value, is reported with its JSON pointer.
 */
final class InputParity {
    /** The engine's marker for a value that is not known during preview. */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final String SECRET = "[secret]";
    /** The pod template annotation that holds an HMAC of the Secret data the pod reads (app PodConfigHash). */
    static final String SECRET_DIGEST_ANNOTATION = "honeydue/secret-hmac-sha256";
    private static final String SECRET_DIGEST_POINTER = "/annotations/" + SECRET_DIGEST_ANNOTATION.replace("/", "~1");
    private static final java.util.regex.Pattern HEX_DIGEST = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ENGINE_ADDED_PROVIDER_INPUTS = Set.of("version", "__internal");

    private InputParity() {}

    static List<String> differences(String type, JsonNode rendered, JsonNode previewed) {
        List<String> out = new ArrayList<>();
        boolean provider = type.startsWith("pulumi:providers:");
        compareObjects(rendered == null ? missing() : rendered, previewed == null ? missing() : previewed, "", provider, out);
        return out;
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static void compareObjects(JsonNode rendered, JsonNode previewed, String path, boolean topLevelOfProvider,
                                       List<String> out) {
        Set<String> keys = new TreeSet<>();
        rendered.fieldNames().forEachRemaining(keys::add);
        previewed.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            String at = path + "/" + key.replace("~", "~0").replace("/", "~1");
            JsonNode r = rendered.get(key);
            JsonNode p = previewed.get(key);
            if (r == null && topLevelOfProvider && ENGINE_ADDED_PROVIDER_INPUTS.contains(key)) {
                continue;
            }
            compare(r, p, at, out);
        }
    }

    private static void compare(JsonNode r, JsonNode p, String at, List<String> out) {
        if (p != null && p.isTextual() && UNKNOWN.equals(p.asText())) {
            return; // unknown during preview: nothing to compare yet
        }
        if (r == null || r.isNull()) {
            if (p != null && !p.isNull()) {
                out.add(at + ": only in the preview: " + brief(p));
            }
            return;
        }
        if (p == null || p.isNull()) {
            out.add(at + ": only in the render: " + brief(r));
            return;
        }
        if (isSecret(p)) {
            return; // hidden in the preview (a secret, or an input the provider's schema marks secret): not comparable
        }
        if (isSecret(r)) {
            out.add(at + ": a secret in the render, but the preview shows it: " + brief(p));
            return;
        }
        if (at.endsWith(SECRET_DIGEST_POINTER)) {
            if (!isHexDigest(r) || !isHexDigest(p)) {
                out.add(at + ": a digest of secrets must be 64 hex digits: render " + brief(r) + ", preview " + brief(p));
            }
            return; // offline it digests the placeholders, in the preview the real secrets: only the form can agree
        }
        if (r.isObject() && p.isObject()) {
            compareObjects(r, p, at, false, out);
        } else if (r.isArray() && p.isArray()) {
            if (r.size() != p.size()) {
                out.add(at + ": " + r.size() + " items in the render, " + p.size() + " in the preview");
                return;
            }
            for (int i = 0; i < r.size(); i++) {
                compare(r.get(i), p.get(i), at + "/" + i, out);
            }
        } else if (r.isNumber() && p.isNumber()) {
            if (r.decimalValue().compareTo(p.decimalValue()) != 0) {
                out.add(at + ": render " + r + ", preview " + p);
            }
        } else if (!r.equals(p)) {
            out.add(at + ": render " + brief(r) + ", preview " + brief(p));
        }
    }

    private static boolean isHexDigest(JsonNode n) {
        return n.isTextual() && HEX_DIGEST.matcher(n.asText()).matches();
    }

    private static boolean isSecret(JsonNode n) {
        return n.isTextual() && SECRET.equals(n.asText());
    }

    static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "... (" + s.length() + " chars)";
    }

    /** True when any value under the node is unknown during preview. */
    static boolean containsUnknown(JsonNode n) {
        if (n == null) {
            return false;
        }
        if (n.isTextual()) {
            return UNKNOWN.equals(n.asText());
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            if (containsUnknown(it.next())) {
                return true;
            }
        }
        return false;
    }
}
