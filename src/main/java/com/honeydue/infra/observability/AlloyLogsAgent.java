package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.AgentParts.apiTokenMount;
import static com.honeydue.infra.observability.AgentParts.apiTokenVolume;
import static com.honeydue.infra.observability.AgentParts.httpProbe;
import static com.honeydue.infra.observability.AgentParts.meta;
import static com.honeydue.infra.observability.AgentParts.podMeta;
import static com.honeydue.infra.observability.AgentParts.port;
import static com.honeydue.infra.workload.SecureDefaults.resources;
import static com.honeydue.infra.observability.AgentParts.rollingOneAtATime;
import static com.honeydue.infra.workload.SecureDefaults.runtimeDefault;
import static com.honeydue.infra.observability.AgentParts.secretVolume;
import static com.honeydue.infra.observability.AgentParts.selector;
import static com.honeydue.infra.observability.AgentParts.tolerateEverything;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_HTTP_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_LOGS;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_POLICY;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_TOKEN_DIR;

import com.honeydue.infra.values.Secret;
import com.honeydue.infra.workload.HardenedContainer;
import com.honeydue.infra.workload.HardenedPod;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * alloy-logs in its own namespace {@value #NAMESPACE}: the one workload that needs root and a hostPath
 * (/var/log/pods is root-only), so it gets a namespace that enforces Pod Security "privileged" and the app
 * namespace can enforce "restricted". The namespace has its own default-deny and the agent's egress policy
 * (API, DNS, the Loki endpoint; no ingress).
 */
final class AlloyLogsAgent {
    static final String NAMESPACE = "honeydue-logs";
    /** Tail positions on the node, so a pod restart or replacement resumes instead of re-shipping every log. */
    static final String POSITIONS_HOST_PATH = "/var/lib/alloy-logs";

    private final AgentParts.Owner owner;
    private final Namespace namespace;
    private final DaemonSet daemonSet;
    private final List<NetworkPolicy> networkPolicies;

    AlloyLogsAgent(AgentParts.Owner owner, ObservabilityPlan plan, String image, Secret token) {
        this.owner = owner;
        var labels = Labels.of(ALLOY_LOGS, "log-agent");
        this.namespace = new Namespace(NAMESPACE, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE).labels(namespaceLabels()).build())
                .build(), owner.opts(List.of()));
        List<Resource> inNamespace = List.of(namespace);
        var denyAll = new NetworkPolicy("honeydue-logs-default-deny", NetworkPolicyArgs.builder()
                .metadata(meta("default-deny-all", NAMESPACE, labels))
                .spec(NetworkPolicySpecArgs.builder().podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Ingress", "Egress").build())
                .build(), owner.opts(inNamespace));
        var egress = owner.networkPolicy(ALLOY_POLICY, NAMESPACE, ALLOY_LOGS, labels, plan.alloyEgress(), inNamespace);
        this.networkPolicies = List.of(denyAll, egress);

        var sa = owner.serviceAccount(ALLOY_LOGS, NAMESPACE, labels, inNamespace);
        // Pod discovery only (role = "pod", filtered to this node by field selector): no nodes, no secrets.
        var role = owner.clusterRole("honeydue-" + ALLOY_LOGS, labels, List.of(
                PolicyRuleArgs.builder().apiGroups("").resources("pods").verbs("get", "list", "watch").build()));
        var binding = owner.clusterRoleBinding("honeydue-" + ALLOY_LOGS, labels, ALLOY_LOGS, NAMESPACE, role);
        var secret = owner.tokenSecret("alloy-logs-loki", NAMESPACE, labels, token, inNamespace);
        String river = AlloyLogsConfig.render(plan.config().lokiPushUrl(), plan.externalLabels());
        var config = new ConfigMap("alloy-logs-config", ConfigMapArgs.builder()
                .metadata(meta("alloy-logs-config", NAMESPACE, labels))
                .data(Map.of("config.alloy", river))
                .build(), owner.opts(inNamespace));

        var container = HardenedContainer.builder("alloy", image)
                .args("run", "/etc/alloy/config.alloy", "--storage.path=/var/lib/alloy",
                        "--server.http.listen-addr=0.0.0.0:" + ALLOY_HTTP_PORT, "--disable-reporting")
                .env(EnvVarArgs.builder().name("NODE_NAME").valueFrom(EnvVarSourceArgs.builder()
                        .fieldRef(ObjectFieldSelectorArgs.builder().apiVersion("v1").fieldPath("spec.nodeName").build()).build()).build())
                .ports(port("http", ALLOY_HTTP_PORT))
                .readinessProbe(httpProbe("/-/ready", ALLOY_HTTP_PORT, 10, 15, 3))
                .livenessProbe(httpProbe("/-/healthy", ALLOY_HTTP_PORT, 30, 30, 3))
                .resources(resources("25m", "96Mi", "500m", "384Mi"))
                // Root, but with every capability dropped (owner permissions suffice, no DAC override needed), no
                // privilege escalation, a read-only root filesystem and the log directory mounted read-only.
                .securityContext(SecurityContextArgs.builder()
                        .runAsUser(0)
                        .runAsGroup(0)
                        .runAsNonRoot(false)
                        .readOnlyRootFilesystem(true)
                        .allowPrivilegeEscalation(false)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .seccompProfile(runtimeDefault())
                        .build(), "EXCEPTION to Pod Security \"restricted\", hence its own privileged namespace: kubelet "
                        + "writes /var/log/pods as root:root 0640/0750, so only uid 0 can read it")
                .volumeMounts(
                        VolumeMountArgs.builder().name("config").mountPath("/etc/alloy").readOnly(true).build(),
                        VolumeMountArgs.builder().name("loki-token").mountPath(ALLOY_TOKEN_DIR).readOnly(true).build(),
                        VolumeMountArgs.builder().name("pod-logs").mountPath(AlloyLogsConfig.LOG_ROOT).readOnly(true).build(),
                        VolumeMountArgs.builder().name("data").mountPath("/var/lib/alloy").build(),
                        VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build(),
                        apiTokenMount())
                .build();
        var pod = HardenedPod.builder(ALLOY_LOGS)
                .securityContext(PodSecurityContextArgs.builder().seccompProfile(runtimeDefault()).build(),
                        "its container runs as root (above); the pod keeps RuntimeDefault seccomp")
                .tolerations(tolerateEverything())
                .containers(container)
                .volumes(
                        VolumeArgs.builder().name("config").configMap(ConfigMapVolumeSourceArgs.builder().name("alloy-logs-config").build()).build(),
                        secretVolume("loki-token", "alloy-logs-loki"),
                        VolumeArgs.builder().name("pod-logs").hostPath(HostPathVolumeSourceArgs.builder()
                                .path(AlloyLogsConfig.LOG_ROOT).type("Directory").build()).build(),
                        // Tail positions (and the WAL) on the node: they survive restarts AND pod replacements (an
                        // emptyDir dies with the pod, and the new pod would re-ship every log file from the start).
                        VolumeArgs.builder().name("data").hostPath(HostPathVolumeSourceArgs.builder()
                                .path(POSITIONS_HOST_PATH).type("DirectoryOrCreate").build()).build(),
                        VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("64Mi").build()).build(),
                        apiTokenVolume())
                .build();
        this.daemonSet = new DaemonSet(ALLOY_LOGS, DaemonSetArgs.builder()
                .metadata(meta(ALLOY_LOGS, NAMESPACE, labels))
                .spec(DaemonSetSpecArgs.builder()
                        .selector(selector(ALLOY_LOGS))
                        .updateStrategy(rollingOneAtATime())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(podMeta(labels, Map.of("honeydue/config-sha256", ScrapeConfigRenderer.sha256(river))))
                                .spec(pod).build())
                        .build())
                .build(), owner.opts(List.of(sa, binding, secret, config, denyAll, egress)));
    }

    /** "privileged" is the point of this namespace; warn and audit say the same, so they stay quiet. */
    private static Map<String, String> namespaceLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("app.kubernetes.io/part-of", "honeydue");
        l.put("app.kubernetes.io/component", "log-agent");
        for (String mode : List.of("enforce", "warn", "audit")) {
            l.put("pod-security.kubernetes.io/" + mode, "privileged");
            l.put("pod-security.kubernetes.io/" + mode + "-version", "latest");
        }
        return l;
    }

    Namespace namespace() {
        return namespace;
    }

    DaemonSet daemonSet() {
        return daemonSet;
    }

    List<NetworkPolicy> networkPolicies() {
        return networkPolicies;
    }
}
