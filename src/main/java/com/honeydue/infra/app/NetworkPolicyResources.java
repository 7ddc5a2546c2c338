package com.honeydue.infra.app;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link NetworkPolicyPlan}'s policies as NetworkPolicy objects in the app namespace. */
final class NetworkPolicyResources {
    private NetworkPolicyResources() {}

    static List<Resource> create(AppOwner owner, NetworkPolicyPlan.Inputs inputs, List<Resource> deps) {
        List<Resource> out = new ArrayList<>();
        for (var p : NetworkPolicyPlan.plan(inputs)) {
            var spec = NetworkPolicySpecArgs.builder()
                    .podSelector(selector(p.podNames()))
                    .policyTypes(p.policyTypes());
            if (!p.ingress().isEmpty()) {
                spec.ingress(p.ingress().stream().map(r -> NetworkPolicyIngressRuleArgs.builder()
                        .from(r.peers().stream().map(NetworkPolicyResources::peer).toList())
                        .ports(r.ports().stream().map(NetworkPolicyResources::port).toList()).build()).toList());
            }
            if (!p.egress().isEmpty()) {
                spec.egress(p.egress().stream().map(r -> NetworkPolicyEgressRuleArgs.builder()
                        .to(r.peers().stream().map(NetworkPolicyResources::peer).toList())
                        .ports(r.ports().stream().map(NetworkPolicyResources::port).toList()).build()).toList());
            }
            out.add(new NetworkPolicy(p.name(), NetworkPolicyArgs.builder()
                    .metadata(PodParts.meta(p.name(), "network-policy"))
                    .spec(spec.build())
                    .build(), owner.opts(deps)));
        }
        return out;
    }

    private static LabelSelectorArgs selector(List<String> names) {
        if (names.isEmpty()) {
            return LabelSelectorArgs.builder().build();
        }
        if (names.size() == 1) {
            return LabelSelectorArgs.builder().matchLabels(Map.of(NetworkPolicyPlan.NAME_LABEL, names.get(0))).build();
        }
        return LabelSelectorArgs.builder().matchExpressions(LabelSelectorRequirementArgs.builder()
                .key(NetworkPolicyPlan.NAME_LABEL).operator("In").values(names).build()).build();
    }

    private static NetworkPolicyPeerArgs peer(NetworkPolicyPlan.Peer p) {
        var b = NetworkPolicyPeerArgs.builder();
        if (p.cidr().isPresent()) {
            var block = IPBlockArgs.builder().cidr(p.cidr().get());
            if (!p.except().isEmpty()) {
                block.except(p.except());
            }
            return b.ipBlock(block.build()).build();
        }
        b.podSelector(LabelSelectorArgs.builder().matchLabels(p.podLabels()).build());
        p.namespace().ifPresent(ns -> b.namespaceSelector(LabelSelectorArgs.builder()
                .matchLabels(Map.of("kubernetes.io/metadata.name", ns)).build()));
        return b.build();
    }

    private static NetworkPolicyPortArgs port(NetworkPolicyPlan.Port p) {
        return NetworkPolicyPortArgs.builder().port(p.port()).protocol(p.protocol()).build();
    }
}
