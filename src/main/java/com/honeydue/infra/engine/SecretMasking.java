package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the engine's secret envelopes (the Pulumi wire signature) with "[secret]", noting where they were. A secret
 * map keeps its keys (a Secret's data: POSTGRES_PASSWORD, .dockerconfigjson...), every value masked, so a render is
 * still a valid object for a schema or a server-side dry-run; keys are names, never secret values.
 */
final class SecretMasking {
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final TextNode MASK = TextNode.valueOf("[secret]");

    private SecretMasking() {}

    private static JsonNode keysKept(JsonNode secretValue) {
        if (!secretValue.isObject()) {
            return MASK;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        secretValue.fieldNames().forEachRemaining(k -> out.set(k, MASK));
        return out;
    }

    static JsonNode mask(JsonNode node, String path, Set<String> secretPaths) {
        if (node.isObject()) {
            if (SECRET_SIG.equals(node.path(SIG_KEY).asText())) {
                secretPaths.add(path.isEmpty() ? "/" : path);
                return keysKept(node.path("value"));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                out.set(e.getKey(), mask(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), secretPaths));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(mask(node.get(i), path + "/" + i, secretPaths));
            }
            return out;
        }
        return node;
    }
}
