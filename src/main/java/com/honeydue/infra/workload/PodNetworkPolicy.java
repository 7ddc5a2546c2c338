package com.honeydue.infra.workload;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A NetworkPolicy with a secure default: it governs both directions, so every connection to or from the selected
 * pods that no rule allows is denied (runbook §5's default-deny-all, the agents' own policies). A policy that
 * governs one direction only, because another policy of the namespace already denies the other, says so with
 * {@link Builder#governsOnly}. Rules name peers as {@link NetworkPeer}s and always list their ports.
 */
public final class PodNetworkPolicy {
    private static final String INGRESS = "Ingress";
    private static final String EGRESS = "Egress";

    private PodNetworkPolicy() {}

    /** Selects every pod of the namespace. */
    public static Builder forAllPods() {
        return new Builder(LabelSelectorArgs.builder().build());
    }

    /** Selects the pods that carry all of {@code labels}. */
    public static Builder forPods(Map<String, String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("forPods needs labels; forAllPods() selects every pod");
        }
        return new Builder(LabelSelectorArgs.builder().matchLabels(labels).build());
    }

    /** Selects the pods whose label {@code key} is one of {@code values}: one flow that starts at several workloads. */
    public static Builder forPodsWithAnyOf(String key, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("forPodsWithAnyOf needs values for " + key);
        }
        return new Builder(LabelSelectorArgs.builder().matchExpressions(LabelSelectorRequirementArgs.builder()
                .key(key).operator("In").values(values).build()).build());
    }

    public static final class Builder {
        private final LabelSelectorArgs selector;
        private final List<NetworkPolicyIngressRuleArgs> ingress = new ArrayList<>();
        private final List<NetworkPolicyEgressRuleArgs> egress = new ArrayList<>();
        private List<String> policyTypes = List.of(INGRESS, EGRESS);

        private Builder(LabelSelectorArgs selector) {
            this.selector = selector;
        }

        /** Allows connections from any of {@code from} to the selected pods on {@code ports}. */
        public Builder allowIngress(List<? extends NetworkPeer> from, List<NetworkPort> ports) {
            ingress.add(NetworkPolicyIngressRuleArgs.builder().from(peers(from)).ports(ports(ports)).build());
            return this;
        }

        /** Allows connections from the selected pods to any of {@code to} on {@code ports}. */
        public Builder allowEgress(List<? extends NetworkPeer> to, List<NetworkPort> ports) {
            egress.add(NetworkPolicyEgressRuleArgs.builder().to(peers(to)).ports(ports(ports)).build());
            return this;
        }

        /**
         * Governs only {@code direction} ("Ingress" or "Egress"); {@code reason} names what denies the other one.
         */
        public Builder governsOnly(String direction, String reason) {
            if (!direction.equals(INGRESS) && !direction.equals(EGRESS)) {
                throw new IllegalArgumentException("a policy governs Ingress or Egress, not " + direction);
            }
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a policy that governs " + direction + " only needs its reason");
            }
            this.policyTypes = List.of(direction);
            return this;
        }

        public NetworkPolicyArgs args(ObjectMetaArgs metadata) {
            if (!policyTypes.contains(INGRESS) && !ingress.isEmpty() || !policyTypes.contains(EGRESS) && !egress.isEmpty()) {
                throw new IllegalStateException("a rule for a direction the policy does not govern would be ignored");
            }
            var spec = NetworkPolicySpecArgs.builder().podSelector(selector).policyTypes(policyTypes);
            if (!ingress.isEmpty()) {
                spec.ingress(ingress);
            }
            if (!egress.isEmpty()) {
                spec.egress(egress);
            }
            return NetworkPolicyArgs.builder().metadata(metadata).spec(spec.build()).build();
        }
    }

    private static List<NetworkPolicyPeerArgs> peers(List<? extends NetworkPeer> peers) {
        return peers.stream().map(PodNetworkPolicy::peer).toList();
    }

    private static NetworkPolicyPeerArgs peer(NetworkPeer peer) {
        if (peer instanceof NetworkPeer.IpBlock ip) {
            var block = IPBlockArgs.builder().cidr(ip.cidr());
            if (!ip.except().isEmpty()) {
                block.except(ip.except());
            }
            return NetworkPolicyPeerArgs.builder().ipBlock(block.build()).build();
        }
        var pods = (NetworkPeer.Pods) peer;
        var b = NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder().matchLabels(pods.podLabels()).build());
        pods.namespaceLabels().ifPresent(ns -> b.namespaceSelector(LabelSelectorArgs.builder().matchLabels(ns).build()));
        return b.build();
    }

    private static List<NetworkPolicyPortArgs> ports(List<NetworkPort> ports) {
        return ports.stream().map(p -> NetworkPolicyPortArgs.builder().port(p.port()).protocol(p.protocol()).build()).toList();
    }
}
