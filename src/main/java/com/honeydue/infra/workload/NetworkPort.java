package com.honeydue.infra.workload;

/** A port of a {@link PodNetworkPolicy} rule: a number and its protocol ("TCP" or "UDP"). */
public record NetworkPort(int port, String protocol) {
    public NetworkPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1-65535, not " + port);
        }
        if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
            throw new IllegalArgumentException("a port's protocol is TCP or UDP, not " + protocol);
        }
    }

    public static NetworkPort tcp(int port) {
        return new NetworkPort(port, "TCP");
    }

    public static NetworkPort udp(int port) {
        return new NetworkPort(port, "UDP");
    }
}
