package com.honeydue.infra.observability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One NetworkPolicy egress rule as plain data: where to ({@code to}), which ports, and why (for the docs and tests).
 * The component turns it into a {@code NetworkPolicyEgressRule}.
 */
public record EgressRule(List<Peer> to, List<Port> ports, String why) {
    public EgressRule {
        to = List.copyOf(to);
        ports = List.copyOf(ports);
    }

    /** A destination: an address block, or pods chosen by labels (in the policy's namespace when namespaceLabels is empty). */
    public sealed interface Peer permits IpBlock, Pods {}

    public record IpBlock(String cidr, List<String> except) implements Peer {
        public IpBlock {
            except = List.copyOf(except);
        }
    }

    public record Pods(Optional<Map<String, String>> namespaceLabels, Map<String, String> podLabels) implements Peer {
        public Pods {
            podLabels = Map.copyOf(podLabels);
        }
    }

    public record Port(int port, String protocol) {
        public static Port tcp(int port) {
            return new Port(port, "TCP");
        }

        public static Port udp(int port) {
            return new Port(port, "UDP");
        }
    }
}
