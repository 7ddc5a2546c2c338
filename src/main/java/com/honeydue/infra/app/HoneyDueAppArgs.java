package com.honeydue.infra.app;

import com.honeydue.infra.config.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * @param provider            the cluster's Kubernetes provider (K3sNodeGroup.kubernetesProvider())
 * @param nodeLabels          the node-label patches Redis' nodeSelector relies on (K3sNodeGroup.nodeLabels())
 * @param cloudflareAllowList source ranges of the {@code cloudflare-only} middleware; empty = no such middleware
 * @param originTls           Cloudflare Full (strict): Ingresses terminate TLS with secret cloudflare-origin-cert
 * @param podSecurityEnforce  Pod Security level enforced on the namespace (warn and audit stay restricted)
 * @param extraTraefikValues  Traefik chart values other components need (deep-merged into the HelmChartConfig)
 * @param workerMetricsPort   the worker's /metrics port when the agents scrape it; empty = not scraped
 */
public record HoneyDueAppArgs(AppConfig config, ClusterConfig cluster, Provider provider, List<Resource> nodeLabels,
                              List<String> cloudflareAllowList, boolean originTls, String podSecurityEnforce,
                              Map<String, Object> extraTraefikValues, java.util.OptionalInt workerMetricsPort) {
    public static final List<String> POD_SECURITY_LEVELS = List.of("restricted", "baseline", "privileged");

    public HoneyDueAppArgs {
        nodeLabels = List.copyOf(nodeLabels);
        cloudflareAllowList = List.copyOf(cloudflareAllowList);
        extraTraefikValues = Map.copyOf(extraTraefikValues);
        if (!POD_SECURITY_LEVELS.contains(podSecurityEnforce)) {
            throw new IllegalArgumentException("podSecurityEnforce '" + podSecurityEnforce + "' is not one of " + POD_SECURITY_LEVELS);
        }
    }
}
