package com.honeydue.infra.observability;

import com.honeydue.infra.config.ClusterConfig;
import com.honeydue.infra.config.ObservabilityConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * @param namespace the app namespace the in-namespace agents (vmagent, alloy-logs) run in and vmagent scrapes
 * @param dependsOn what must exist first in that namespace: the app's Namespace (its Pod Security level)
 */
public record ObservabilityAgentsArgs(ObservabilityConfig config, ClusterConfig cluster, Provider provider,
                                      String namespace, List<Resource> dependsOn) {
    public ObservabilityAgentsArgs {
        dependsOn = List.copyOf(dependsOn);
    }
}
