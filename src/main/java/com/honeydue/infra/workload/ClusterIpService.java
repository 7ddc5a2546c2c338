package com.honeydue.infra.workload;

import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.util.Map;

/**
 * The Service a {@link HardenedContainer} sits behind: ClusterIP only (nothing of ours is exposed on a node port or
 * a load balancer; Traefik reaches the app in-cluster, vmagent reaches kube-state-metrics), one named TCP port whose
 * target is the container's port of the same name, so a port renumbering in the pod never strands the Service.
 */
public final class ClusterIpService {
    private ClusterIpService() {}

    public static ServiceArgs args(ObjectMetaArgs metadata, Map<String, String> selector, String portName, int port) {
        return ServiceArgs.builder()
                .metadata(metadata)
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector)
                        .ports(ServicePortArgs.builder().name(portName).port(port).targetPort(portName).protocol("TCP").build())
                        .build())
                .build();
    }
}
