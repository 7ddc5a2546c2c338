package com.honeydue.infra.app;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a {@link HoneyDueApp} is built from: the app's settings (images, replicas, routes, secrets; runbook §1, §5) and
 * the cluster's, plus what other components hand over: the Kubernetes provider, the node-label patches and the
 * wait for Traefik. Image references stay plain values because the migration Job is named after its image's digest
 * (a resource name cannot come from an Output). Defaults: no Cloudflare allow-list, no origin TLS, no extra Traefik
 * values, the worker not scraped, nothing to wait for.
 */
public final class HoneyDueAppArgs {
    private final AppConfig config;
    private final ClusterConfig cluster;
    private final Provider provider;
    private final List<Resource> nodeLabels;
    private final List<String> cloudflareAllowList;
    private final boolean originTls;
    private final Map<String, Object> extraTraefikValues;
    private final OptionalInt workerMetricsPort;
    private final List<Resource> ingressReady;

    private HoneyDueAppArgs(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.cluster = Objects.requireNonNull(b.cluster, "cluster");
        this.provider = Objects.requireNonNull(b.provider, "provider: the cluster's Kubernetes provider is required");
        this.nodeLabels = List.copyOf(b.nodeLabels);
        this.cloudflareAllowList = List.copyOf(b.cloudflareAllowList);
        this.originTls = b.originTls;
        this.extraTraefikValues = Map.copyOf(b.extraTraefikValues);
        this.workerMetricsPort = b.workerMetricsPort;
        this.ingressReady = List.copyOf(b.ingressReady);
    }

    public static Builder builder(AppConfig config, ClusterConfig cluster) {
        return new Builder(config, cluster);
    }

    public AppConfig config() {
        return config;
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    /** The cluster's Kubernetes provider (K3sNodeGroup.kubernetesProvider()). */
    public Provider provider() {
        return provider;
    }

    /** The node-label patches Redis' nodeSelector relies on (K3sNodeGroup.nodeLabels()). */
    public List<Resource> nodeLabels() {
        return nodeLabels;
    }

    /** The Cloudflare ranges (empty = allow-list off), carried by the cloudflare-only middleware ({@link CloudflareOnlyPlan}). */
    public List<String> cloudflareAllowList() {
        return cloudflareAllowList;
    }

    /** Cloudflare Full (strict): Ingresses terminate TLS with the secret cloudflare-origin-cert. */
    public boolean originTls() {
        return originTls;
    }

    /** Traefik chart values other components need (deep-merged into the HelmChartConfig). */
    public Map<String, Object> extraTraefikValues() {
        return extraTraefikValues;
    }

    /** The worker's /metrics port when the agents scrape it; empty = not scraped. */
    public OptionalInt workerMetricsPort() {
        return workerMetricsPort;
    }

    /** What says k3s' Traefik is usable: the Middlewares, Ingresses and the HelmChartConfig wait for it. */
    public List<Resource> ingressReady() {
        return ingressReady;
    }

    public static final class Builder {
        private final AppConfig config;
        private final ClusterConfig cluster;
        private Provider provider;
        private List<Resource> nodeLabels = List.of();
        private List<String> cloudflareAllowList = List.of();
        private boolean originTls;
        private Map<String, Object> extraTraefikValues = Map.of();
        private OptionalInt workerMetricsPort = OptionalInt.empty();
        private List<Resource> ingressReady = List.of();

        private Builder(AppConfig config, ClusterConfig cluster) {
            this.config = config;
            this.cluster = cluster;
        }

        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public Builder nodeLabels(List<Resource> nodeLabels) {
            this.nodeLabels = nodeLabels;
            return this;
        }

        public Builder cloudflareAllowList(List<String> cidrs) {
            this.cloudflareAllowList = cidrs;
            return this;
        }

        public Builder originTls(boolean originTls) {
            this.originTls = originTls;
            return this;
        }

        public Builder extraTraefikValues(Map<String, Object> values) {
            this.extraTraefikValues = values;
            return this;
        }

        public Builder workerMetricsPort(OptionalInt port) {
            this.workerMetricsPort = port;
            return this;
        }

        public Builder ingressReady(List<Resource> ingressReady) {
            this.ingressReady = ingressReady;
            return this;
        }

        public HoneyDueAppArgs build() {
            return new HoneyDueAppArgs(this);
        }
    }
}
