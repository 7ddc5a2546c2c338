package com.honeydue.infra.observability;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ObservabilityAgents} are built from: which agents run and where they ship (runbook §9), the cluster's
 * settings (its nodes are scrape targets), the cluster's Kubernetes provider, and the app namespace vmagent runs in.
 * Defaults: the namespace honeydue, nothing to wait for.
 */
public final class ObservabilityAgentsArgs {
    private final ObservabilityConfig config;
    private final ClusterConfig cluster;
    private final Provider provider;
    private final String namespace;
    private final List<Resource> dependsOn;

    private ObservabilityAgentsArgs(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.cluster = Objects.requireNonNull(b.cluster, "cluster");
        this.provider = Objects.requireNonNull(b.provider, "provider: the cluster's Kubernetes provider is required");
        this.namespace = b.namespace;
        this.dependsOn = List.copyOf(b.dependsOn);
    }

    public static Builder builder(ObservabilityConfig config, ClusterConfig cluster) {
        return new Builder(config, cluster);
    }

    public ObservabilityConfig config() {
        return config;
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    public Provider provider() {
        return provider;
    }

    /** The app namespace vmagent runs in and scrapes (alloy-logs has its own, honeydue-logs). */
    public String namespace() {
        return namespace;
    }

    /** What must exist first in that namespace: the app's Namespace (its Pod Security level). */
    public List<Resource> dependsOn() {
        return dependsOn;
    }

    public static final class Builder {
        private final ObservabilityConfig config;
        private final ClusterConfig cluster;
        private Provider provider;
        private String namespace = com.honeydue.infra.values.ClusterNetwork.APP_NAMESPACE;
        private List<Resource> dependsOn = List.of();

        private Builder(ObservabilityConfig config, ClusterConfig cluster) {
            this.config = config;
            this.cluster = cluster;
        }

        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder dependsOn(List<Resource> dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        public ObservabilityAgentsArgs build() {
            return new ObservabilityAgentsArgs(this);
        }
    }
}
