package com.honeydue.infra.observability;

import com.honeydue.infra.workload.NetworkPeer;
import com.honeydue.infra.workload.NetworkPort;
import java.util.List;

/**
 * One egress rule of an agent's NetworkPolicy as plain data: where to ({@code to}), which ports, and why (for the
 * docs and tests). The component adds it to a {@link com.honeydue.infra.workload.PodNetworkPolicy}.
 */
public record EgressRule(List<NetworkPeer> to, List<NetworkPort> ports, String why) {
    public EgressRule {
        to = List.copyOf(to);
        ports = List.copyOf(ports);
    }
}
