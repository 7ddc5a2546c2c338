package com.honeydue.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: a committed stack with config overrides, and navigation over a recorded run. */
final class AppStacks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppStacks() {}

    /** The stack file's values plus {@code overrides} (values are converted to JSON: strings, booleans, lists). */
    static StackConfig config(String stack, Map<String, ?> overrides) {
        return StackConfigLoader.load(schema(), raw(stack, overrides));
    }

    static RawConfig raw(String stack, Map<String, ?> overrides) {
        try {
            RawConfig base = RawConfig.fromStackFile(StackFixtures.PROJECT, stack);
            Map<String, JsonNode> values = new LinkedHashMap<>(base.values());
            overrides.forEach((k, v) -> values.put(k, JSON.valueToTree(v)));
            return new RawConfig(stack, values, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigSchema schema() {
        return ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
    }

    static RecordedResource component(StackRun run) {
        return run.ofType(HoneyDueApp.TYPE).get(0);
    }

    static List<RecordedResource> appChildren(StackRun run) {
        String parent = component(run).urn();
        return run.resources().stream().filter(r -> parent.equals(r.parent())).toList();
    }

    /** Every container (and init container) of every pod template in the run, with its owner's name. */
    static List<Map.Entry<String, JsonNode>> containers(StackRun run) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (RecordedResource r : podOwners(run)) {
            JsonNode pod = r.inputs().path("spec").path("template").path("spec");
            for (String field : List.of("containers", "initContainers")) {
                pod.path(field).forEach(c -> out.add(Map.entry(r.name(), c)));
            }
        }
        return out;
    }

    /** The app's Deployments and Jobs (other components' workloads have their own tests). */
    static List<RecordedResource> podOwners(StackRun run) {
        return appChildren(run).stream().filter(r -> r.type().equals("kubernetes:apps/v1:Deployment")
                || r.type().equals("kubernetes:batch/v1:Job")).toList();
    }

    static List<RecordedResource> appOfType(StackRun run, String type) {
        return appChildren(run).stream().filter(r -> r.type().equals(type)).toList();
    }
}
