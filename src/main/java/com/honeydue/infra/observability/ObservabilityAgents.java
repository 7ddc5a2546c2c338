package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_HTTP_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_LOGS;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_POLICY;
import static com.honeydue.infra.observability.ObservabilityPlan.ALLOY_TOKEN_DIR;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_METRICS_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_RESOURCES;
import static com.honeydue.infra.observability.ObservabilityPlan.KSM_TELEMETRY_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_STATE_METRICS;
import static com.honeydue.infra.observability.ObservabilityPlan.KUBE_SYSTEM;
import static com.honeydue.infra.observability.ObservabilityPlan.NODE_EXPORTER;
import static com.honeydue.infra.observability.ObservabilityPlan.NODE_EXPORTER_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.TOKEN_KEY;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_HTTP_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_POLICY;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_TOKEN_DIR;

import static com.honeydue.infra.observability.AgentParts.apiTokenMount;
import static com.honeydue.infra.observability.AgentParts.apiTokenVolume;
import static com.honeydue.infra.observability.AgentParts.hostPath;
import static com.honeydue.infra.observability.AgentParts.httpProbe;
import static com.honeydue.infra.observability.AgentParts.meta;
import static com.honeydue.infra.observability.AgentParts.nonRootPod;
import static com.honeydue.infra.observability.AgentParts.podMeta;
import static com.honeydue.infra.observability.AgentParts.port;
import static com.honeydue.infra.observability.AgentParts.resources;
import static com.honeydue.infra.observability.AgentParts.restrictedContainer;
import static com.honeydue.infra.observability.AgentParts.rollingOneAtATime;
import static com.honeydue.infra.observability.AgentParts.runtimeDefault;
import static com.honeydue.infra.observability.AgentParts.secretVolume;
import static com.honeydue.infra.observability.AgentParts.selector;
import static com.honeydue.infra.observability.AgentParts.tolerateEverything;

import com.honeydue.infra.config.FirewallRuleSpec;
import com.honeydue.infra.config.Secret;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-cluster half of observability (runbook §2 table, §5 manifests/observability, §9.2–§9.6, §11.1):
 * kube-state-metrics and node-exporter in kube-system; vmagent in the app namespace and alloy-logs in its own
 * privileged namespace ({@link AlloyLogsAgent}), shipping to
 * the operator's backend (obs.88oakapps.com, outside the cluster). Every agent can be switched off, and a
 * switched-off agent registers nothing. Decisions live in {@link ObservabilityPlan}; this class only wires them.
 */
public final class ObservabilityAgents extends ComponentResource {
    public static final String TYPE = "honeydue:observability:ObservabilityAgents";

    private final ObservabilityPlan plan;
    private final Provider provider;
    private final AgentParts.Owner owner;
    private final String namespace;
    private final List<Resource> namespaceDeps;
    private final List<ServiceAccount> serviceAccounts = new ArrayList<>();
    private final List<NetworkPolicy> networkPolicies = new ArrayList<>();
    private final List<Resource> workloads = new ArrayList<>();

    public ObservabilityAgents(String name, ObservabilityAgentsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.plan = new ObservabilityPlan(args.config(), args.cluster(), args.namespace());
        this.provider = args.provider();
        this.owner = new AgentParts.Owner(this, provider);
        this.namespace = args.namespace();
        this.namespaceDeps = args.dependsOn();

        if (plan.kubeStateMetrics()) {
            kubeStateMetrics(args.config().kubeStateMetricsImage());
        }
        if (plan.nodeExporter()) {
            nodeExporter(args.config().nodeExporterImage());
        }
        if (plan.vmagent()) {
            vmagent(args.config().vmagentImage(), token(args));
        }
        if (plan.alloyLogs()) {
            // Its own namespace (Pod Security "privileged" there), so the app namespace can enforce "restricted".
            var alloy = new AlloyLogsAgent(owner, plan, args.config().alloyImage(), token(args));
            workloads.add(alloy.daemonSet());
            networkPolicies.addAll(alloy.networkPolicies());
        }

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("clusterLabel", Output.of(args.config().clusterLabel()));
        if (plan.alloyLogs()) {
            outputs.put("logsNamespace", Output.of(AlloyLogsAgent.NAMESPACE));
        }
        registerOutputs(outputs);
    }

    private static Secret token(ObservabilityAgentsArgs args) {
        return args.config().ingestToken().orElseThrow(() -> new IllegalStateException(
                "obsIngestToken is required when vmagent or alloy-logs is enabled (the config loader checks this)"));
    }

    // ------------------------------------------------------------------ kube-state-metrics (kube-system)

    private void kubeStateMetrics(String image) {
        var labels = Labels.of(KUBE_STATE_METRICS, "metrics-exporter");
        var sa = serviceAccount(KUBE_STATE_METRICS, KUBE_SYSTEM, labels, List.of());
        // Exactly the resources it is told to export (--resources), read-only.
        Map<String, List<String>> byGroup = new TreeMap<>();
        KSM_RESOURCES.forEach((resource, group) -> byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(resource));
        List<PolicyRuleArgs> rules = byGroup.entrySet().stream().map(e -> PolicyRuleArgs.builder()
                .apiGroups(e.getKey()).resources(e.getValue()).verbs("list", "watch").build()).toList();
        var role = clusterRole(KUBE_STATE_METRICS, labels, rules);
        var binding = clusterRoleBinding(KUBE_STATE_METRICS, labels, KUBE_STATE_METRICS, KUBE_SYSTEM, role);

        var container = ContainerArgs.builder()
                .name(KUBE_STATE_METRICS)
                .image(image)
                .args("--port=" + KSM_METRICS_PORT, "--telemetry-port=" + KSM_TELEMETRY_PORT,
                        "--resources=" + String.join(",", KSM_RESOURCES.keySet()))
                .ports(port("http-metrics", KSM_METRICS_PORT), port("telemetry", KSM_TELEMETRY_PORT))
                .livenessProbe(httpProbe("/livez", KSM_METRICS_PORT, 5, 10, 3))
                .readinessProbe(httpProbe("/readyz", KSM_TELEMETRY_PORT, 5, 10, 3))
                .resources(resources("10m", "64Mi", "200m", "256Mi"))
                .securityContext(restrictedContainer())
                .volumeMounts(apiTokenMount())
                .build();
        var pod = PodSpecArgs.builder()
                .serviceAccountName(KUBE_STATE_METRICS)
                .automountServiceAccountToken(false)
                .securityContext(nonRootPod(65534))
                .containers(container)
                .volumes(apiTokenVolume())
                .build();
        workloads.add(new Deployment(KUBE_STATE_METRICS, DeploymentArgs.builder()
                .metadata(meta(KUBE_STATE_METRICS, KUBE_SYSTEM, labels))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(1)
                        .selector(selector(KUBE_STATE_METRICS))
                        .template(PodTemplateSpecArgs.builder().metadata(podMeta(labels, Map.of())).spec(pod).build())
                        .build())
                .build(), opts(List.of(sa, binding))));
        new Service(KUBE_STATE_METRICS, ServiceArgs.builder()
                .metadata(meta(KUBE_STATE_METRICS, KUBE_SYSTEM, labels))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(Labels.selector(KUBE_STATE_METRICS))
                        .ports(ServicePortArgs.builder().name("http-metrics").port(KSM_METRICS_PORT)
                                .targetPort("http-metrics").protocol("TCP").build())
                        .build())
                .build(), opts(List.of()));
    }

    // ------------------------------------------------------------------ node-exporter (kube-system, §11.1)

    private void nodeExporter(String image) {
        var labels = Labels.of(NODE_EXPORTER, "metrics-exporter");
        var sa = serviceAccount(NODE_EXPORTER, KUBE_SYSTEM, labels, List.of());
        var container = ContainerArgs.builder()
                .name(NODE_EXPORTER)
                .image(image)
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
                .securityContext(restrictedContainer())
                .volumeMounts(
                        VolumeMountArgs.builder().name("proc").mountPath("/host/proc").readOnly(true).build(),
                        VolumeMountArgs.builder().name("sys").mountPath("/host/sys").readOnly(true).build(),
                        VolumeMountArgs.builder().name("root").mountPath("/host/root").readOnly(true)
                                .mountPropagation("HostToContainer").build())
                .build();
        var pod = PodSpecArgs.builder()
                .serviceAccountName(NODE_EXPORTER)
                .automountServiceAccountToken(false) // never talks to the API
                // EXCEPTION to Pod Security "restricted", hence kube-system: node-level metrics need the host's
                // PID namespace (per-process stats) and network namespace (real interfaces, not the pod's veth).
                // Everything else stays restricted: nobody (65534), read-only root and host mounts, no capabilities.
                .hostPID(true)
                .hostNetwork(true)
                .dnsPolicy("ClusterFirstWithHostNet")
                .priorityClassName("system-node-critical")
                .tolerations(tolerateEverything())
                .securityContext(nonRootPod(65534))
                .containers(container)
                .volumes(hostPath("proc", "/proc"), hostPath("sys", "/sys"), hostPath("root", "/"))
                .build();
        workloads.add(new DaemonSet(NODE_EXPORTER, DaemonSetArgs.builder()
                .metadata(meta(NODE_EXPORTER, KUBE_SYSTEM, labels))
                .spec(DaemonSetSpecArgs.builder()
                        .selector(selector(NODE_EXPORTER))
                        .updateStrategy(rollingOneAtATime())
                        .template(PodTemplateSpecArgs.builder().metadata(podMeta(labels, Map.of())).spec(pod).build())
                        .build())
                .build(), opts(List.of(sa))));
    }

    // ------------------------------------------------------------------ vmagent (app namespace)

    private void vmagent(String image, Secret token) {
        var labels = Labels.of(VMAGENT, "metrics-agent");
        var sa = serviceAccount(VMAGENT, namespace, labels, namespaceDeps);
        // Service discovery only: pods (api, worker, non-hostNetwork Traefik) and, for per-node jobs, nodes.
        List<PolicyRuleArgs> rules = new ArrayList<>();
        rules.add(PolicyRuleArgs.builder().apiGroups("").resources("pods").verbs("list", "watch").build());
        if (plan.vmagentWatchesNodes()) {
            rules.add(PolicyRuleArgs.builder().apiGroups("").resources("nodes").verbs("list", "watch").build());
        }
        var role = clusterRole("honeydue-" + VMAGENT, labels, rules);
        var binding = clusterRoleBinding("honeydue-" + VMAGENT, labels, VMAGENT, namespace, role);

        var secret = tokenSecret("vmagent-remote-write", labels, token);
        String scrapeYaml = scrapeConfigYaml();
        var config = new ConfigMap("vmagent-config", ConfigMapArgs.builder()
                .metadata(meta("vmagent-config", namespace, labels))
                .data(Map.of("scrape.yaml", scrapeYaml))
                .build(), opts(namespaceDeps));
        networkPolicies.add(networkPolicy(VMAGENT_POLICY, VMAGENT, labels, plan.vmagentEgress()));

        String tokenFile = VMAGENT_TOKEN_DIR + "/" + TOKEN_KEY;
        var container = ContainerArgs.builder()
                .name(VMAGENT)
                .image(image)
                .args("-promscrape.config=/etc/vmagent/scrape.yaml",
                        "-remoteWrite.url=" + plan.config().remoteWriteUrl(),
                        // Read from the mounted Secret on every request: no placeholder, no sed (runbook §9.4).
                        "-remoteWrite.bearerTokenFile=" + tokenFile,
                        "-remoteWrite.tmpDataPath=/vmagent-data",
                        "-remoteWrite.maxDiskUsagePerURL=900MB",
                        "-httpListenAddr=:" + VMAGENT_HTTP_PORT,
                        "-loggerFormat=json")
                .ports(port("http", VMAGENT_HTTP_PORT))
                // Runbook §9.3: /health says only "the process lives". Liveness asks whether ANY scrape target is
                // up and fails otherwise, so kubelet recycles a vmagent that silently scrapes nothing.
                .livenessProbe(ProbeArgs.builder()
                        .exec(ExecActionArgs.builder().command(VmagentProbe.command()).build())
                        .initialDelaySeconds(90).periodSeconds(60).timeoutSeconds(10).failureThreshold(3).build())
                .readinessProbe(httpProbe("/health", VMAGENT_HTTP_PORT, 5, 15, 3))
                .resources(resources("50m", "128Mi", "500m", "512Mi"))
                .securityContext(restrictedContainer())
                .volumeMounts(
                        VolumeMountArgs.builder().name("config").mountPath("/etc/vmagent").readOnly(true).build(),
                        VolumeMountArgs.builder().name("remote-write-token").mountPath(VMAGENT_TOKEN_DIR).readOnly(true).build(),
                        VolumeMountArgs.builder().name("data").mountPath("/vmagent-data").build(),
                        apiTokenMount())
                .build();
        var pod = PodSpecArgs.builder()
                .serviceAccountName(VMAGENT)
                .automountServiceAccountToken(false)
                .securityContext(nonRootPod(65534))
                .containers(container)
                .volumes(
                        VolumeArgs.builder().name("config").configMap(ConfigMapVolumeSourceArgs.builder().name("vmagent-config").build()).build(),
                        secretVolume("remote-write-token", "vmagent-remote-write"),
                        VolumeArgs.builder().name("data").emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("1Gi").build()).build(),
                        apiTokenVolume())
                .build();
        workloads.add(new Deployment(VMAGENT, DeploymentArgs.builder()
                .metadata(meta(VMAGENT, namespace, labels))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(1)
                        .selector(selector(VMAGENT))
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(podMeta(labels, Map.of("honeydue/config-sha256", ScrapeConfigRenderer.sha256(scrapeYaml))))
                                .spec(pod).build())
                        .build())
                .build(), opts(List.of(sa, binding, secret, config))));
    }

    // ------------------------------------------------------------------ building blocks

    private CustomResourceOptions opts(List<Resource> dependsOn) {
        return owner.opts(dependsOn);
    }

    private ServiceAccount serviceAccount(String name, String ns, Map<String, String> labels, List<Resource> deps) {
        var sa = owner.serviceAccount(name, ns, labels, deps);
        if (ns.equals(namespace)) {
            serviceAccounts.add(sa);
        }
        return sa;
    }

    private ClusterRole clusterRole(String name, Map<String, String> labels, List<PolicyRuleArgs> rules) {
        return owner.clusterRole(name, labels, rules);
    }

    private ClusterRoleBinding clusterRoleBinding(String name, Map<String, String> labels, String sa, String saNamespace,
                                                  ClusterRole role) {
        return owner.clusterRoleBinding(name, labels, sa, saNamespace, role);
    }

    private Resource tokenSecret(String name, Map<String, String> labels, Secret token) {
        return owner.tokenSecret(name, namespace, labels, token, namespaceDeps);
    }

    private NetworkPolicy networkPolicy(String name, String podName, Map<String, String> labels, List<EgressRule> egress) {
        return owner.networkPolicy(name, namespace, podName, labels, egress, namespaceDeps);
    }

    // ------------------------------------------------------------------ accessors

    public ObservabilityPlan plan() {
        return plan;
    }

    /** Extra values for the k3s Traefik HelmChartConfig (owned by the app layer); empty when Traefik metrics are off. */
    public Map<String, Object> traefikMetricsValues() {
        return plan.traefikMetricsValues();
    }

    /** UFW openings node-level scraping needs (node-exporter :9100, hostNetwork Traefik :9101); see the plan. */
    public List<FirewallRuleSpec> nodeFirewallRules() {
        return plan.nodeFirewallRules();
    }

    /** The vmagent scrape config exactly as it lands in the ConfigMap. */
    public String scrapeConfigYaml() {
        return ScrapeConfigRenderer.yaml(plan.scrapeConfig());
    }

    public String alloyConfig() {
        return AlloyLogsConfig.render(plan.config().lokiPushUrl(), plan.externalLabels());
    }

    /** ServiceAccounts this component creates in the app namespace (vmagent when enabled). */
    public List<ServiceAccount> serviceAccounts() {
        return List.copyOf(serviceAccounts);
    }

    public List<NetworkPolicy> networkPolicies() {
        return List.copyOf(networkPolicies);
    }

    /** The agents' Deployments and DaemonSets, for anything that must wait for them. */
    public List<Resource> workloads() {
        return List.copyOf(workloads);
    }

    /** Which agents run, for the stack outputs. */
    public Map<String, Boolean> enabledAgents() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put(KUBE_STATE_METRICS, plan.kubeStateMetrics());
        m.put(NODE_EXPORTER, plan.nodeExporter());
        m.put(VMAGENT, plan.vmagent());
        m.put(ALLOY_LOGS, plan.alloyLogs());
        return m;
    }
}
