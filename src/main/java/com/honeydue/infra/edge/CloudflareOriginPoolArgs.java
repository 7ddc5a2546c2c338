package com.honeydue.infra.edge;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param stack       the stack name, written into every record's comment
 * @param k8sProvider the cluster's provider; required in strict mode (the origin TLS Secret lives in the cluster)
 * @param namespace   where the origin TLS Secret goes (the app's namespace, honeydue)
 * @param originReady what must be serving before public DNS points at the origin (the app's ready resources); DNS
 *                    records depend on it, so {@code pulumi destroy} removes DNS before the origin goes away
 */
public record CloudflareOriginPoolArgs(EdgeConfig config, ClusterConfig cluster, String stack,
                                       Optional<Provider> k8sProvider, String namespace, List<Resource> originReady) {
    public CloudflareOriginPoolArgs {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(k8sProvider, "k8sProvider");
        Objects.requireNonNull(namespace, "namespace");
        originReady = List.copyOf(originReady);
        if (config.originTls() && k8sProvider.isEmpty()) {
            throw new IllegalArgumentException("sslMode strict needs the Kubernetes provider for the "
                    + EdgeConfig.ORIGIN_CERT_SECRET_NAME + " Secret");
        }
    }
}
