package com.honeydue.infra.app;

import com.honeydue.infra.workload.PodNetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link NetworkPolicyPlan}'s policies as {@link PodNetworkPolicy} objects in the app namespace. */
final class NetworkPolicyResources {
    /** Each allow policy governs one direction: the namespace's default-deny-all denies the rest. */
    private static final String DEFAULT_DENY_COVERS = "default-deny-all denies every other flow of the namespace";

    private NetworkPolicyResources() {}

    static List<Resource> create(AppOwner owner, NetworkPolicyPlan.Inputs inputs, List<Resource> deps) {
        List<Resource> out = new ArrayList<>();
        for (var p : NetworkPolicyPlan.plan(inputs)) {
            var policy = selecting(p.podNames());
            if (p.policyTypes().size() == 1) {
                policy.governsOnly(p.policyTypes().get(0), DEFAULT_DENY_COVERS);
            }
            p.ingress().forEach(r -> policy.allowIngress(r.peers(), r.ports()));
            p.egress().forEach(r -> policy.allowEgress(r.peers(), r.ports()));
            out.add(new NetworkPolicy(p.name(), policy.args(PodParts.meta(p.name(), "network-policy")), owner.opts(deps)));
        }
        return out;
    }

    private static PodNetworkPolicy.Builder selecting(List<String> names) {
        if (names.isEmpty()) {
            return PodNetworkPolicy.forAllPods();
        }
        if (names.size() == 1) {
            return PodNetworkPolicy.forPods(Map.of(NetworkPolicyPlan.NAME_LABEL, names.get(0)));
        }
        return PodNetworkPolicy.forPodsWithAnyOf(NetworkPolicyPlan.NAME_LABEL, names);
    }
}
