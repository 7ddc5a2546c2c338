package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.values.NodeSpec;

/**
 * plan.json: {"project","stack","nodes":[{alias,k8sName,ipv4,ipv6}],"resources":[{urn,type,name,parent,
 * dependsOn,propertyDependencies,provider,inputs}],"outputs":{...}}. Resources in the stable order; dependsOn is what
 * the engine receives (explicit and through Outputs), in that order too; propertyDependencies the part of it each
 * input property carries (properties without any are left out); provider is the URN of the resource's explicit
 * provider or null. Secrets and values derived from them are "[secret]". "nodes" lets diff match per-node
 * resources of stacks whose node aliases differ.
 */
public final class PlanJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanJson() {}

    public static ObjectNode of(RenderGraph graph) {
        ObjectNode plan = F.objectNode();
        plan.put("project", graph.run().project());
        plan.put("stack", graph.run().stack());
        ArrayNode nodes = plan.putArray("nodes");
        for (NodeSpec n : graph.clusterNodes()) {
            ObjectNode o = nodes.addObject();
            o.put("alias", n.alias());
            o.put("k8sName", n.k8sName());
            o.put("ipv4", n.ipv4());
            o.put("ipv6", n.ipv6().orElse(null));
        }
        ArrayNode resources = plan.putArray("resources");
        for (RenderGraph.Node n : graph.nodes()) {
            ObjectNode r = resources.addObject();
            r.put("urn", n.urn());
            r.put("type", n.type());
            r.put("name", n.name());
            r.put("parent", n.resource().parent());
            ArrayNode deps = r.putArray("dependsOn");
            n.dependsOn().forEach(deps::add);
            ObjectNode propertyDeps = r.putObject("propertyDependencies");
            n.resource().propertyDependencies().forEach((property, urns) -> {
                ArrayNode a = propertyDeps.putArray(property);
                urns.forEach(a::add);
            });
            r.put("provider", n.provider());
            r.set("inputs", CanonicalJson.of(n.resource().inputs()));
        }
        ObjectNode outputs = plan.putObject("outputs");
        graph.run().outputs().keySet().stream().sorted()
                .forEach(k -> outputs.set(k, CanonicalJson.of(graph.run().outputs().get(k))));
        return plan;
    }
}
