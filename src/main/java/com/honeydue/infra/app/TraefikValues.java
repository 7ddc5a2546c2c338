package com.honeydue.infra.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the k3s HelmChartConfig {@code traefik} (kube-system). On Hetzner (book ch. 06) Traefik runs as a
 * DaemonSet in the host network, bound to :80/:443 of every node; it stays non-root because the cluster sets
 * {@code net.ipv4.ip_unprivileged_port_start=0} on every node. The DaemonSet override is never applied on OVH, where
 * klipper-lb fronts k3s' Traefik Deployment (runbook §10); there the values only raise it to two replicas with a
 * PodDisruptionBudget. Other
 * components' values (metrics, the klipper-lb source ranges) are deep-merged in.
 */
public final class TraefikValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TraefikValues() {}

    /**
     * @param publishedIp the address Traefik writes into every Ingress' {@code status.loadBalancer.ingress}
     *
     * <p>Why an explicit published address. pulumi-kubernetes' Ingress await (v4.0.0,
     * provider/pkg/await/ingress.go, {@code ingressInitAwaiter.Await}) succeeds only when the Ingress exists, every
     * backend Service has Endpoints, <em>and</em> {@code .status.loadBalancer.ingress} is non-empty; otherwise it
     * fails after 10 minutes ("Ingress .status.loadBalancer field was not updated with a hostname/IP address").
     * Traefik writes that status (traefik/traefik, pkg/provider/kubernetes/ingress/kubernetes.go,
     * {@code updateIngressStatus}): with {@code ingressEndpoint.publishedService} (what k3s' chart values enable,
     * {@code providers.kubernetesIngress.publishedService.enabled: true}) it copies its Service's LoadBalancer
     * status, and skips the update while that Service has none. With servicelb disabled (this profile) nothing ever
     * gives the LoadBalancer Service an address, so every Ingress await timed out. With
     * {@code ingressEndpoint.ip} Traefik writes that address instead (a single IP; the chart has no value for it,
     * hence {@code additionalArguments}; publishedService must be off, as it takes precedence). The await then
     * still proves what it should: Traefik has picked up the Ingress and the backends have Endpoints. Chosen over
     * {@code pulumi.com/skipAwait}, which would drop those checks too. On klipper-lb the svclb address is published
     * and the await completes unchanged.
     */
    public static Map<String, Object> hostNetworkDaemonSet(String publishedIp) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("deployment", Map.of("kind", "DaemonSet"));
        v.put("hostNetwork", true);
        v.put("providers", Map.of("kubernetesIngress", Map.of("publishedService", Map.of("enabled", false))));
        v.put("additionalArguments", List.of("--providers.kubernetesingress.ingressendpoint.ip=" + publishedIp));
        v.put("ports", Map.of("web", Map.of("port", 80), "websecure", Map.of("port", 443)));
        // One node at a time, and no surge: two Traefik pods cannot both bind a node's :80.
        v.put("updateStrategy", Map.of("type", "RollingUpdate",
                "rollingUpdate", Map.of("maxUnavailable", 1, "maxSurge", 0)));
        v.put("securityContext", Map.of(
                "allowPrivilegeEscalation", false,
                "capabilities", Map.of("drop", List.of("ALL")),
                "readOnlyRootFilesystem", true));
        v.put("podSecurityContext", Map.of(
                "runAsNonRoot", true, "runAsUser", 65532, "runAsGroup", 65532,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        return v;
    }

    /**
     * k3s' default Traefik (klipper-lb, OVH) made drain-safe: the chart's Deployment runs one replica, so draining
     * its node (every k3s upgrade) drops all ingress until it is rescheduled. Two replicas, spread by hostname
     * (soft, like the app's), and the chart's PodDisruptionBudget with maxUnavailable 1, so a drain evicts one
     * while the other serves. Keys of the traefik chart's values.yaml (traefik-helm-chart, traefik/values.yaml:
     * deployment.replicas, podDisruptionBudget, topologySpreadConstraints; pods carry app.kubernetes.io/name=traefik).
     */
    public static Map<String, Object> klipperLbDeployment() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("deployment", Map.of("replicas", 2));
        v.put("podDisruptionBudget", Map.of("enabled", true, "maxUnavailable", 1));
        v.put("topologySpreadConstraints", List.of(Map.of(
                "maxSkew", 1,
                "topologyKey", "kubernetes.io/hostname",
                "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "traefik")))));
        return v;
    }

    /**
     * The values to apply: the hostNetwork DaemonSet (one Traefik per node already; a drain leaves DaemonSet pods
     * alone) publishing {@code publishedIp} as the Ingress address, or the two-replica Deployment behind
     * klipper-lb, plus other components' values.
     */
    public static Map<String, Object> values(boolean hostNetwork, String publishedIp, Map<String, Object> extra) {
        Map<String, Object> base = hostNetwork ? hostNetworkDaemonSet(publishedIp) : klipperLbDeployment();
        return deepMerge(base, extra);
    }

    /** {@code overlay} wins on scalars and lists; nested maps merge key by key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overlay.forEach((k, v) -> {
            Object existing = out.get(k);
            if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
                out.put(k, deepMerge((Map<String, Object>) em, (Map<String, Object>) vm));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    public static String yaml(Map<String, Object> values) {
        try {
            return YAML.writeValueAsString(sorted(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sorted keys so the rendered valuesContent (and its diff) is stable. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(TraefikValues::sorted).toList();
        }
        return o;
    }
}
