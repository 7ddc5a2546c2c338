package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** Every Cloudflare DNS record as (zone, name, type, content, proxied, ttl), sorted for reading and diffing. */
public final class DnsRecords {
    public static final String DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
    static final List<String> COLUMNS = List.of("zone", "name", "type", "content", "proxied", "ttl");

    private DnsRecords() {}

    public static ArrayNode extract(RenderGraph graph) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        graph.customNodes().stream()
                .filter(n -> DNS_RECORD.equals(n.type()))
                .map(n -> record(n.resource().inputs()))
                .sorted(Comparator.comparing((ObjectNode r) -> key(r)))
                .forEach(out::add);
        return out;
    }

    static ObjectNode record(JsonNode inputs) {
        JsonNode in = CanonicalJson.of(inputs);
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.set("zone", in.path("zoneId").isMissingNode() ? JsonNodeFactory.instance.nullNode() : in.get("zoneId"));
        for (String field : List.of("name", "type", "content", "proxied", "ttl")) {
            r.set(field, in.has(field) ? in.get(field) : JsonNodeFactory.instance.nullNode());
        }
        return r;
    }

    private static String key(ObjectNode r) {
        return String.join("\u0000", r.get("zone").asText(), r.get("name").asText(), r.get("type").asText(),
                r.get("content").asText());
    }
}
