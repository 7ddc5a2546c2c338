package com.honeydue.infra.edge;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CloudflareOriginPool} is built from: the edge settings (zone, hostnames, SSL mode, origin certificate;
 * runbook §4, §11), the cluster's nodes (the records' addresses) and the stack name (every record's comment). The
 * Kubernetes provider is needed only in strict mode, where the origin TLS Secret lives in the cluster.
 * Defaults: no provider, the namespace honeydue, nothing for DNS to wait for.
 */
public final class CloudflareOriginPoolArgs {
    private final EdgeConfig config;
    private final ClusterConfig cluster;
    private final String stack;
    private final Optional<Provider> k8sProvider;
    private final String namespace;
    private final List<Resource> originReady;

    private CloudflareOriginPoolArgs(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.cluster = Objects.requireNonNull(b.cluster, "cluster");
        this.stack = Objects.requireNonNull(b.stack, "stack");
        this.k8sProvider = b.k8sProvider;
        this.namespace = b.namespace;
        this.originReady = List.copyOf(b.originReady);
        if (config.originTls() && k8sProvider.isEmpty()) {
            throw new IllegalArgumentException("sslMode strict needs the Kubernetes provider for the "
                    + EdgeConfig.ORIGIN_CERT_SECRET_NAME + " Secret");
        }
    }

    public static Builder builder(EdgeConfig config, ClusterConfig cluster, String stack) {
        return new Builder(config, cluster, stack);
    }

    public EdgeConfig config() {
        return config;
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    /** The stack name, written into every record's comment. */
    public String stack() {
        return stack;
    }

    /** The cluster's provider; required in strict mode (the origin TLS Secret lives in the cluster). */
    public Optional<Provider> k8sProvider() {
        return k8sProvider;
    }

    /** Where the origin TLS Secret goes (the app's namespace). */
    public String namespace() {
        return namespace;
    }

    /**
     * What must be serving before public DNS points at the origin (the app's ready resources); DNS records depend
     * on it, so {@code pulumi destroy} removes DNS before the origin goes away.
     */
    public List<Resource> originReady() {
        return originReady;
    }

    public static final class Builder {
        private final EdgeConfig config;
        private final ClusterConfig cluster;
        private final String stack;
        private Optional<Provider> k8sProvider = Optional.empty();
        private String namespace = com.honeydue.infra.values.ClusterNetwork.APP_NAMESPACE;
        private List<Resource> originReady = List.of();

        private Builder(EdgeConfig config, ClusterConfig cluster, String stack) {
            this.config = config;
            this.cluster = cluster;
            this.stack = stack;
        }

        public Builder k8sProvider(Provider provider) {
            this.k8sProvider = Optional.of(provider);
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder originReady(List<Resource> originReady) {
            this.originReady = originReady;
            return this;
        }

        public CloudflareOriginPoolArgs build() {
            return new CloudflareOriginPoolArgs(this);
        }
    }
}
