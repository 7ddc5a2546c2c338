package com.honeydue.infra.observability;

import com.honeydue.infra.cluster.ClusterConfig;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * @param namespace the app namespace vmagent runs in and scrapes (alloy-logs has its own, honeydue-logs)
 * @param dependsOn what must exist first in that namespace: the app's Namespace (its Pod Security level)
 */
public record ObservabilityAgentsArgs(ObservabilityConfig config, ClusterConfig cluster, Provider provider,
                                      String namespace, List<Resource> dependsOn) {
    public ObservabilityAgentsArgs {
        dependsOn = List.copyOf(dependsOn);
    }
}
