package com.honeydue.infra.app;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * @param provider            the cluster's Kubernetes provider (K3sNodeGroup.kubernetesProvider())
 * @param nodeLabels          the node-label patches Redis' nodeSelector relies on (K3sNodeGroup.nodeLabels())
 * @param cloudflareAllowList the Cloudflare ranges (empty = allow-list off); the {@code cloudflare-only} middleware
 *                            carries them where Traefik sees client addresses ({@link CloudflareOnlyPlan})
 * @param originTls           Cloudflare Full (strict): Ingresses terminate TLS with secret cloudflare-origin-cert
 * @param extraTraefikValues  Traefik chart values other components need (deep-merged into the HelmChartConfig)
 * @param workerMetricsPort   the worker's /metrics port when the agents scrape it; empty = not scraped
 * @param ingressReady        what says k3s' Traefik is usable (its CRDs Established, rolled out): the Middlewares,
 *                            Ingresses and the HelmChartConfig wait for it (K3sNodeGroup.ingressControllerReady())
 */
public record HoneyDueAppArgs(AppConfig config, ClusterConfig cluster, Provider provider, List<Resource> nodeLabels,
                              List<String> cloudflareAllowList, boolean originTls,
                              Map<String, Object> extraTraefikValues, java.util.OptionalInt workerMetricsPort,
                              List<Resource> ingressReady) {
    public HoneyDueAppArgs {
        nodeLabels = List.copyOf(nodeLabels);
        ingressReady = List.copyOf(ingressReady);
        cloudflareAllowList = List.copyOf(cloudflareAllowList);
        extraTraefikValues = Map.copyOf(extraTraefikValues);
    }
}
