package com.honeydue.infra.observability;

import java.util.LinkedHashMap;
import java.util.Map;

/** The cross-component label contract: name, part-of=honeydue, component; selectors use the name only. */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String COMPONENT = "app.kubernetes.io/component";

    private Labels() {}

    public static Map<String, String> of(String name, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, name);
        labels.put(PART_OF, "honeydue");
        labels.put(COMPONENT, component);
        return labels;
    }

    public static Map<String, String> selector(String name) {
        return Map.of(NAME, name);
    }
}
