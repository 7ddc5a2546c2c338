package com.honeydue.infra.values;

/**
 * The names and networks every layer filters traffic by, in one place that imports nothing: k3s' default pod and
 * service CIDRs (runbook §3), which UFW (cluster), the app's NetworkPolicies (app) and the agents' egress
 * (observability) all admit or exclude, and the app's namespace, which the agents scrape and the edge's origin
 * certificate lands in.
 */
public final class ClusterNetwork {
    public static final String POD_CIDR = "10.42.0.0/16";
    public static final String SERVICE_CIDR = "10.43.0.0/16";
    /** The namespace the honeyDue workloads run in (runbook §1). */
    public static final String APP_NAMESPACE = "honeydue";

    private ClusterNetwork() {}
}
