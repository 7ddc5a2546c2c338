package com.honeydue.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every Kubernetes object the stack applies, taken generically from the recorded inputs of {@code kubernetes:*}
 * resources that carry apiVersion and kind (so new components need no change here). Providers are not objects.
 * Types ending in Patch (NodePatch, DeploymentPatch...) are server-side-apply patches: their file kind gets a
 * "patch" suffix. Objects of cluster-scoped kinds use the namespace part {@value #CLUSTER_SCOPE}; a namespaced
 * object without metadata.namespace lands in "default", as it would with this provider (no namespace set).
 */
public final class KubernetesObjects {
    public static final String CLUSTER_SCOPE = "_cluster";
    /** Cluster-scoped kinds of Kubernetes 1.34 plus the k3s/Traefik ones this project may use. */
    static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment", "APIService", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration", "IPAddress", "ServiceCIDR",
            "DeviceClass", "ClusterIssuer", "Addon");

    /** One object: its place in the directory, where it goes, and the exact object (secrets masked). */
    public record K8sObject(String fileName, String kind, String namespace, String name, boolean patch,
                            ObjectNode object, RenderGraph.Node source) {}

    private KubernetesObjects() {}

    public static boolean isObject(RenderGraph.Node n) {
        JsonNode in = n.resource().inputs();
        return n.custom() && n.type().startsWith("kubernetes:") && in.path("apiVersion").isTextual()
                && in.path("kind").isTextual();
    }

    public static List<K8sObject> extract(RenderGraph graph) {
        List<RenderGraph.Node> sources = graph.nodes().stream().filter(KubernetesObjects::isObject).toList();
        int width = Math.max(2, Integer.toString(sources.size()).length());
        List<K8sObject> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            RenderGraph.Node n = sources.get(i);
            JsonNode in = n.resource().inputs();
            String kind = in.get("kind").asText();
            boolean patch = n.type().endsWith("Patch");
            JsonNode meta = in.path("metadata");
            String namespace = meta.path("namespace").isTextual() ? meta.get("namespace").asText()
                    : CLUSTER_SCOPED_KINDS.contains(kind) ? CLUSTER_SCOPE : "default";
            String name = meta.path("name").isTextual() ? meta.get("name").asText() : n.name();
            String fileKind = (kind + (patch ? "Patch" : "")).toLowerCase(Locale.ROOT);
            String file = String.format(Locale.ROOT, "%0" + width + "d-%s-%s-%s.yaml", i + 1, safe(fileKind), safe(namespace), safe(name));
            out.add(new K8sObject(file, kind, namespace, name, patch, object(in), n));
        }
        return out;
    }

    /** apiVersion, kind and metadata first (as kubectl shows them), every other field in key order. */
    static ObjectNode object(JsonNode inputs) {
        JsonNode canonical = CanonicalJson.of(inputs);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String first : List.of("apiVersion", "kind", "metadata")) {
            if (canonical.has(first)) {
                out.set(first, canonical.get(first));
            }
        }
        canonical.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), maskedMap(e.getKey(), e.getValue()));
            }
        });
        return out;
    }

    /**
     * A Secret's data as the render shows it: its keys, each value masked. {@code data} values must be base64, so a
     * masked one is written as the base64 of "[secret]"; the object then still validates (schema, server dry-run).
     */
    static final String MASKED_DATA_VALUE = java.util.Base64.getEncoder()
            .encodeToString("[secret]".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static JsonNode maskedMap(String field, JsonNode value) {
        if (field.equals("data") && value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().isTextual() && e.getValue().asText().equals("[secret]")
                    ? com.fasterxml.jackson.databind.node.TextNode.valueOf(MASKED_DATA_VALUE) : e.getValue()));
            return out;
        }
        return value;
    }

    static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
