package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One resource as the engine would record it: URN, type, name, parent URN (null at the root), dependency URNs
 * (explicit dependsOn plus implicit ones from Outputs), and its inputs as plain JSON with every secret value
 * replaced by {@code "[secret]"}. {@code secretPaths} names those places (JSON pointers).
 */
public record RecordedResource(String urn, String type, String name, String parent, List<String> dependsOn,
                               JsonNode inputs, Set<String> secretPaths, boolean custom, String provider) {}
