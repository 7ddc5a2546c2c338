package com.honeydue.infra.app;

import java.util.List;
import java.util.Optional;

/**
 * One probe as plain data. Exactly one of {@code httpPath} / {@code execCommand} is set, or neither for a TCP
 * check on {@code port}.
 */
public record Probe(Optional<String> httpPath, int port, List<String> execCommand, int initialDelaySeconds,
                    int periodSeconds, int timeoutSeconds, int failureThreshold) {

    public static Probe http(String path, int port, int period, int timeout, int failures) {
        return new Probe(Optional.of(path), port, List.of(), 0, period, timeout, failures);
    }

    public static Probe tcp(int port, int period, int timeout, int failures) {
        return new Probe(Optional.empty(), port, List.of(), 0, period, timeout, failures);
    }

    public static Probe exec(List<String> command, int period, int timeout, int failures) {
        return new Probe(Optional.empty(), 0, List.copyOf(command), 0, period, timeout, failures);
    }

    /** How long the kubelet waits before it gives up (the startup budget for a startupProbe). */
    public int budgetSeconds() {
        return periodSeconds * failureThreshold;
    }
}
