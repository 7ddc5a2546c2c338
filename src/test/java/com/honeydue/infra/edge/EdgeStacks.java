package com.honeydue.infra.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A committed stack with some keys changed, loaded and run exactly like the committed ones. */
final class EdgeStacks {
    static final String DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
    static final String ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
    static final String ORIGIN_CA = "cloudflare:index/originCaCertificate:OriginCaCertificate";
    static final String CLOUDFLARE_PROVIDER = "pulumi:providers:cloudflare";
    static final String K8S_SECRET = "kubernetes:core/v1:Secret";
    static final String ZONE_ID = "0123456789abcdef0123456789abcdef";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeStacks() {}

    /** {@code overrides}: key → value (String, Boolean, List); a null value removes the key from the stack file. */
    static StackConfig config(String stack, Map<String, ?> overrides, boolean offline) {
        try {
            RawConfig base = RawConfig.fromStackFile(StackFixtures.PROJECT, stack);
            Map<String, JsonNode> values = new LinkedHashMap<>(base.values());
            overrides.forEach((k, v) -> {
                if (v == null) {
                    values.remove(k);
                } else {
                    values.put(k, JSON.valueToTree(v));
                }
            });
            ConfigSchema schema = ConfigSchema.load(StackFixtures.PROJECT.resolve("Pulumi.yaml"));
            return StackConfigLoader.load(schema, new RawConfig(stack, values, offline));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StackConfig config(String stack, Map<String, ?> overrides) {
        return config(stack, overrides, true);
    }

    static StackRun run(String stack, Map<String, ?> overrides) {
        return MockStackRunner.run(config(stack, overrides));
    }

    static RecordedResource component(StackRun run) {
        List<RecordedResource> pools = run.ofType(CloudflareOriginPool.TYPE);
        if (pools.size() != 1) {
            throw new AssertionError("expected one " + CloudflareOriginPool.TYPE + ", got " + pools.size());
        }
        return pools.get(0);
    }

    /** Kubernetes Secrets this component registers (other components have their own). */
    static List<RecordedResource> edgeSecrets(StackRun run) {
        String edge = component(run).urn();
        return run.ofType(K8S_SECRET).stream().filter(r -> edge.equals(r.parent())).toList();
    }

    /** The node list of a stack file with entries replaced, as raw 'alias=… ipv4=…' strings. */
    static List<String> nodes(String stack) {
        try {
            JsonNode nodes = RawConfig.fromStackFile(StackFixtures.PROJECT, stack).values().get("nodes");
            return JSON.convertValue(nodes, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
