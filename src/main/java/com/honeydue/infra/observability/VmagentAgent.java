package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.AgentParts.apiTokenMount;
import static com.honeydue.infra.observability.AgentParts.apiTokenVolume;
import static com.honeydue.infra.observability.AgentParts.httpProbe;
import static com.honeydue.infra.observability.AgentParts.meta;
import static com.honeydue.infra.observability.AgentParts.podMeta;
import static com.honeydue.infra.observability.AgentParts.port;
import static com.honeydue.infra.workload.SecureDefaults.resources;
import static com.honeydue.infra.observability.AgentParts.secretVolume;
import static com.honeydue.infra.observability.AgentParts.selector;
import static com.honeydue.infra.observability.ObservabilityPlan.TOKEN_KEY;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_HTTP_PORT;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_POLICY;
import static com.honeydue.infra.observability.ObservabilityPlan.VMAGENT_TOKEN_DIR;

import com.honeydue.infra.values.Secret;
import com.honeydue.infra.workload.HardenedContainer;
import com.honeydue.infra.workload.HardenedDeployment;
import com.honeydue.infra.workload.HardenedPod;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vmagent in the app namespace (runbook §9.3–§9.5): service discovery only, the remote-write token read from a
 * mounted Secret (no placeholder), a liveness probe that fails when no target is up, and an egress policy that
 * admits exactly what it scrapes and where it writes.
 */
final class VmagentAgent {
    private final ServiceAccount serviceAccount;
    private final NetworkPolicy networkPolicy;
    private final Deployment deployment;

    VmagentAgent(AgentParts.Owner owner, ObservabilityPlan plan, String namespace, List<Resource> namespaceDeps, String image,
                 Secret token) {
        var labels = Labels.of(VMAGENT, "metrics-agent");
        this.serviceAccount = owner.serviceAccount(VMAGENT, namespace, labels, namespaceDeps);
        var sa = serviceAccount;
        // Service discovery only: pods (api, worker, non-hostNetwork Traefik) and, for per-node jobs, nodes.
        List<PolicyRuleArgs> rules = new ArrayList<>();
        rules.add(PolicyRuleArgs.builder().apiGroups("").resources("pods").verbs("list", "watch").build());
        if (plan.vmagentWatchesNodes()) {
            rules.add(PolicyRuleArgs.builder().apiGroups("").resources("nodes").verbs("list", "watch").build());
        }
        var role = owner.clusterRole("honeydue-" + VMAGENT, labels, rules);
        var binding = owner.clusterRoleBinding("honeydue-" + VMAGENT, labels, VMAGENT, namespace, role);

        var secret = owner.tokenSecret("vmagent-remote-write", namespace, labels, token, namespaceDeps);
        String scrapeYaml = ScrapeConfigRenderer.yaml(plan.scrapeConfig());
        var config = new ConfigMap("vmagent-config", ConfigMapArgs.builder()
                .metadata(meta("vmagent-config", namespace, labels))
                .data(Map.of("scrape.yaml", scrapeYaml))
                .build(), owner.opts(namespaceDeps));
        this.networkPolicy = owner.networkPolicy(VMAGENT_POLICY, namespace, VMAGENT, labels, plan.vmagentEgress(), namespaceDeps);

        String tokenFile = VMAGENT_TOKEN_DIR + "/" + TOKEN_KEY;
        var container = HardenedContainer.builder(VMAGENT, image)
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
                .volumeMounts(
                        VolumeMountArgs.builder().name("config").mountPath("/etc/vmagent").readOnly(true).build(),
                        VolumeMountArgs.builder().name("remote-write-token").mountPath(VMAGENT_TOKEN_DIR).readOnly(true).build(),
                        VolumeMountArgs.builder().name("data").mountPath("/vmagent-data").build(),
                        apiTokenMount())
                .build();
        var pod = HardenedPod.builder(VMAGENT)
                .runAs(65534, 65534)
                .containers(container)
                .volumes(
                        VolumeArgs.builder().name("config").configMap(ConfigMapVolumeSourceArgs.builder().name("vmagent-config").build()).build(),
                        secretVolume("remote-write-token", "vmagent-remote-write"),
                        VolumeArgs.builder().name("data").emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("1Gi").build()).build(),
                        apiTokenVolume());
        this.deployment = new Deployment(VMAGENT, HardenedDeployment.builder(Labels.selector(VMAGENT),
                        podMeta(labels, Map.of("honeydue/config-sha256", ScrapeConfigRenderer.sha256(scrapeYaml))), pod)
                .replicas(1)
                .args(meta(VMAGENT, namespace, labels)), owner.opts(List.of(sa, binding, secret, config)));
    }

    ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    NetworkPolicy networkPolicy() {
        return networkPolicy;
    }

    Deployment deployment() {
        return deployment;
    }
}
