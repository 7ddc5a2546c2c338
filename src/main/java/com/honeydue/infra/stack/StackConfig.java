package com.honeydue.infra.stack;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.edge.EdgeConfig;
import com.honeydue.infra.observability.ObservabilityConfig;
import com.honeydue.infra.app.AppConfig;
import java.util.Optional;

/**
 * Everything one stack needs, typed and validated. {@code App} takes this; it never reads raw config.
 *
 * @param peerStack the other stack of a cutover (e.g. organization/honeydue-infra/prod), read by the cutover guard
 */
public record StackConfig(String project, String stack, ClusterConfig cluster, AppConfig app,
                          ObservabilityConfig observability, EdgeConfig edge, Optional<String> peerStack) {}
