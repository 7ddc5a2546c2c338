package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource as the engine would record it: URN, type, name, parent URN (null at the root), dependency URNs
 * (explicit dependsOn plus implicit ones from Outputs), and its inputs as plain JSON with every secret value
 * replaced by {@code "[secret]"}. {@code secretPaths} names those places (JSON pointers). {@code propertyDependencies}
 * names, per input property, the resources its Outputs came from (only properties that have any), which tells the
 * implicit edges from the explicit ones.
 */
public record RecordedResource(String urn, String type, String name, String parent, List<String> dependsOn,
                               JsonNode inputs, Set<String> secretPaths, boolean custom, String provider,
                               Map<String, List<String>> propertyDependencies) {
    public RecordedResource(String urn, String type, String name, String parent, List<String> dependsOn, JsonNode inputs,
                            Set<String> secretPaths, boolean custom, String provider) {
        this(urn, type, name, parent, dependsOn, inputs, secretPaths, custom, provider, Map.of());
    }
}
