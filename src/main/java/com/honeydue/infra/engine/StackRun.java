package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The result of running the program under the mock engine: resources in registration order and outputs. */
public record StackRun(String project, String stack, List<RecordedResource> resources, Map<String, JsonNode> outputs,
                       Map<String, Boolean> secretOutputs) {
    public List<RecordedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public RecordedResource named(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " among "
                        + resources.stream().map(r -> r.type() + "/" + r.name()).toList()));
    }

    public RecordedResource byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource with urn " + urn));
    }
}
