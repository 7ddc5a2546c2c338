package com.honeydue.infra.config;

/** Everything one stack needs, typed and validated. {@code App} takes this; it never reads raw config. */
public record StackConfig(String project, String stack, ClusterConfig cluster, ObservabilityConfig observability,
                          EdgeConfig edge) {}
