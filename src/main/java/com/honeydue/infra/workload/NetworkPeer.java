package com.honeydue.infra.workload;

import com.honeydue.infra.values.ClusterNetwork;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One side of a {@link PodNetworkPolicy} rule as plain data: an address block, or pods chosen by labels (in the
 * policy's own namespace unless namespace labels are given). Pure values, so planners build and test them without
 * Pulumi. k3s' policy controller matches after kube-proxy's DNAT (runbook §9.2): name in-cluster destinations by
 * their pods' labels, never by a Service address.
 */
public sealed interface NetworkPeer permits NetworkPeer.IpBlock, NetworkPeer.Pods {
    String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /** Addresses in {@code cidr} except those in {@code except}. */
    record IpBlock(String cidr, List<String> except) implements NetworkPeer {
        public IpBlock {
            except = List.copyOf(except);
        }
    }

    /** Pods with all of {@code podLabels}, in the namespaces with all of {@code namespaceLabels} (empty: the policy's own). */
    record Pods(Optional<Map<String, String>> namespaceLabels, Map<String, String> podLabels) implements NetworkPeer {
        public Pods {
            namespaceLabels = namespaceLabels.map(Map::copyOf);
            podLabels = Map.copyOf(podLabels);
        }
    }

    static IpBlock cidr(String cidr) {
        return new IpBlock(cidr, List.of());
    }

    static IpBlock cidrExcept(String cidr, List<String> except) {
        return new IpBlock(cidr, except);
    }

    /**
     * Anything outside the cluster: the whole IPv4 space minus the pod and service networks, so a rule narrowed by
     * port reaches external services (Neon, SMTP, APNs, the observability endpoint) and nothing in-cluster.
     */
    static IpBlock outsideTheCluster() {
        return cidrExcept("0.0.0.0/0", List.of(ClusterNetwork.POD_CIDR, ClusterNetwork.SERVICE_CIDR));
    }

    /** One IPv4 address. */
    static IpBlock host(String ipv4) {
        return cidr(ipv4 + "/32");
    }

    /** Pods of the policy's own namespace. */
    static Pods pods(Map<String, String> podLabels) {
        return new Pods(Optional.empty(), podLabels);
    }

    /** Pods of the namespace named {@code namespace} (by its {@value #NAMESPACE_NAME_LABEL} label). */
    static Pods podsIn(String namespace, Map<String, String> podLabels) {
        return new Pods(Optional.of(Map.of(NAMESPACE_NAME_LABEL, namespace)), podLabels);
    }
}
