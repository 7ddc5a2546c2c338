package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.AgentParts.hostPath;
import static com.honeydue.infra.observability.AgentParts.meta;
import static com.honeydue.infra.observability.AgentParts.podMeta;
import static com.honeydue.infra.observability.AgentParts.port;
import static com.honeydue.infra.workload.SecureDefaults.resources;
import static com.honeydue.infra.observability.AgentParts.rollingOneAtATime;
import static com.honeydue.infra.observability.AgentParts.selector;
import static com.honeydue.infra.observability.AgentParts.tolerateEverything;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_SYSTEM;
import static com.honeydue.infra.observability.ObservabilityPlan.NODE_EXPORTER;
import static com.honeydue.infra.observability.ObservabilityPlan.NODE_EXPORTER_PORT;

import com.honeydue.infra.workload.HardenedContainer;
import com.honeydue.infra.workload.HardenedPod;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import java.util.List;
import java.util.Map;

/**
 * node-exporter in kube-system (runbook §11.1): a DaemonSet on the host network and PID namespace (the one
 * exception to Pod Security "restricted" it needs), listening on the node's own address behind UFW.
 */
final class NodeExporterAgent {
    private final DaemonSet daemonSet;

    NodeExporterAgent(AgentParts.Owner owner, String image) {
        var labels = Labels.of(NODE_EXPORTER, "metrics-exporter");
        var sa = owner.serviceAccount(NODE_EXPORTER, KUBE_SYSTEM, labels, List.of());
        var container = HardenedContainer.builder(NODE_EXPORTER, image)
                .args("--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root",
                        // Bind the node's own address only (it is on the host network), not every interface.
                        "--web.listen-address=$(HOST_IP):" + NODE_EXPORTER_PORT,
                        "--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run/k3s|var/lib/kubelet/pods|var/lib/rancher/k3s/agent/containerd)($|/)")
                .env(EnvVarArgs.builder().name("HOST_IP").valueFrom(EnvVarSourceArgs.builder()
                        .fieldRef(ObjectFieldSelectorArgs.builder().apiVersion("v1").fieldPath("status.hostIP").build()).build()).build())
                .ports(ContainerPortArgs.builder().name("metrics").containerPort(NODE_EXPORTER_PORT).hostPort(NODE_EXPORTER_PORT)
                        .protocol("TCP").build())
                .livenessProbe(ProbeArgs.builder().tcpSocket(com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs.builder()
                        .port(NODE_EXPORTER_PORT).build()).periodSeconds(30).timeoutSeconds(5).failureThreshold(3).build())
                .resources(resources("10m", "32Mi", "200m", "96Mi"))
                .withoutReadinessProbe("vmagent scrapes each node's address directly; no Service routes to it")
                .volumeMounts(
                        VolumeMountArgs.builder().name("proc").mountPath("/host/proc").readOnly(true).build(),
                        VolumeMountArgs.builder().name("sys").mountPath("/host/sys").readOnly(true).build(),
                        VolumeMountArgs.builder().name("root").mountPath("/host/root").readOnly(true)
                                .mountPropagation("HostToContainer").build())
                .build();
        var pod = HardenedPod.builder(NODE_EXPORTER) // never talks to the API
                // EXCEPTION to Pod Security "restricted", hence kube-system. Everything else stays restricted:
                // nobody (65534), read-only root and host mounts, no capabilities.
                .hostNamespaces("node-level metrics need the host's PID namespace (per-process stats) and network "
                        + "namespace (real interfaces, not the pod's veth)")
                .priorityClassName("system-node-critical")
                .tolerations(tolerateEverything())
                .runAs(65534, 65534)
                .containers(container)
                .volumes(hostPath("proc", "/proc"), hostPath("sys", "/sys"), hostPath("root", "/"))
                .build();
        this.daemonSet = new DaemonSet(NODE_EXPORTER, DaemonSetArgs.builder()
                .metadata(meta(NODE_EXPORTER, KUBE_SYSTEM, labels))
                .spec(DaemonSetSpecArgs.builder()
                        .selector(selector(NODE_EXPORTER))
                        .updateStrategy(rollingOneAtATime())
                        .template(PodTemplateSpecArgs.builder().metadata(podMeta(labels, Map.of())).spec(pod).build())
                        .build())
                .build(), owner.opts(List.of(sa)));
    }

    DaemonSet daemonSet() {
        return daemonSet;
    }
}
