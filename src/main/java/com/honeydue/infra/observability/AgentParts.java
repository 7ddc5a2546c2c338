package com.honeydue.infra.observability;

import static com.honeydue.infra.observability.ObservabilityPlan.TOKEN_KEY;

import com.honeydue.infra.values.Secret;
import com.honeydue.infra.workload.PodNetworkPolicy;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetUpdateStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDaemonSetArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.DownwardAPIProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.DownwardAPIVolumeFileArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProjectedVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceAccountTokenProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeProjectionArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * The building blocks every agent shares: metadata, the restricted security context, probes, volumes, the explicit
 * API token, and (through {@link Owner}) the RBAC, token Secret and NetworkPolicy every agent registers.
 */
final class AgentParts {
    static final String SA_TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    private AgentParts() {}

    /** Who owns an agent's objects: the component (their parent) and the cluster's provider. */
    record Owner(Resource parent, Provider provider) {
        CustomResourceOptions opts(List<Resource> dependsOn) {
            return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(dependsOn).build();
        }

        ServiceAccount serviceAccount(String name, String ns, Map<String, String> labels, List<Resource> deps) {
            return new ServiceAccount(name, ServiceAccountArgs.builder()
                    .metadata(meta(name, ns, labels))
                    // Tokens only where a pod needs the API, and then as an explicit projected volume.
                    .automountServiceAccountToken(false)
                    .build(), opts(deps));
        }

        ClusterRole clusterRole(String name, Map<String, String> labels, List<PolicyRuleArgs> rules) {
            return new ClusterRole(name, ClusterRoleArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(name).labels(labels).build())
                    .rules(rules)
                    .build(), opts(List.of()));
        }

        ClusterRoleBinding clusterRoleBinding(String name, Map<String, String> labels, String sa, String saNamespace,
                                              ClusterRole role) {
            return new ClusterRoleBinding(name, ClusterRoleBindingArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(name).labels(labels).build())
                    .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(name).build())
                    .subjects(SubjectArgs.builder().kind("ServiceAccount").name(sa).namespace(saNamespace).build())
                    .build(), opts(List.of(role)));
        }

        /** The ingest token as a Secret file; only ever a Pulumi secret Output, never a literal (runbook §9.4). */
        Resource tokenSecret(String name, String ns, Map<String, String> labels, Secret token, List<Resource> deps) {
            return new com.pulumi.kubernetes.core.v1.Secret(name, com.pulumi.kubernetes.core.v1.SecretArgs.builder()
                    .metadata(meta(name, ns, labels))
                    .type("Opaque")
                    .data(com.honeydue.infra.k8s.SecretData.of(token.output().applyValue(t -> Map.of(TOKEN_KEY, t))))
                    .build(), opts(deps));
        }

        /** Selects one agent's pods; both policy types and no ingress rule: nothing may connect to the agent. */
        NetworkPolicy networkPolicy(String name, String ns, String podName, Map<String, String> labels,
                                    List<EgressRule> egress, List<Resource> deps) {
            var policy = PodNetworkPolicy.forPods(Labels.selector(podName));
            egress.forEach(rule -> policy.allowEgress(rule.to(), rule.ports()));
            return new NetworkPolicy(name, policy.args(meta(name, ns, labels)), opts(deps));
        }
    }

    static ObjectMetaArgs meta(String name, String ns, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(ns).labels(labels).build();
    }

    static ObjectMetaArgs podMeta(Map<String, String> labels, Map<String, String> annotations) {
        var b = ObjectMetaArgs.builder().labels(labels);
        if (!annotations.isEmpty()) {
            b.annotations(annotations);
        }
        return b.build();
    }

    static LabelSelectorArgs selector(String name) {
        return LabelSelectorArgs.builder().matchLabels(Labels.selector(name)).build();
    }

    static ContainerPortArgs port(String name, int port) {
        return ContainerPortArgs.builder().name(name).containerPort(port).protocol("TCP").build();
    }

    static ProbeArgs httpProbe(String path, int port, int initialDelay, int period, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .initialDelaySeconds(initialDelay).periodSeconds(period).timeoutSeconds(5)
                .failureThreshold(failureThreshold).build();
    }

    /** Node agents must run on every node, including tainted control-plane/etcd nodes. */
    static TolerationArgs tolerateEverything() {
        return TolerationArgs.builder().operator("Exists").build();
    }

    static DaemonSetUpdateStrategyArgs rollingOneAtATime() {
        return DaemonSetUpdateStrategyArgs.builder().type("RollingUpdate")
                .rollingUpdate(RollingUpdateDaemonSetArgs.builder().maxUnavailable(1).build()).build();
    }

    static VolumeArgs hostPath(String name, String path) {
        return VolumeArgs.builder().name(name)
                .hostPath(HostPathVolumeSourceArgs.builder().path(path).type("Directory").build()).build();
    }

    static VolumeArgs secretVolume(String volume, String secretName) {
        return VolumeArgs.builder().name(volume).secret(SecretVolumeSourceArgs.builder()
                .secretName(secretName).defaultMode(0440)
                .items(KeyToPathArgs.builder().key(TOKEN_KEY).path(TOKEN_KEY).build()).build()).build();
    }

    /**
     * The API credentials automount would have provided, made explicit (the ServiceAccount has automount off):
     * a short-lived projected token, the cluster CA and the namespace, at the standard in-cluster path.
     */
    static VolumeArgs apiTokenVolume() {
        return VolumeArgs.builder().name("kube-api-access").projected(ProjectedVolumeSourceArgs.builder()
                .defaultMode(0444)
                .sources(
                        VolumeProjectionArgs.builder().serviceAccountToken(ServiceAccountTokenProjectionArgs.builder()
                                .path("token").expirationSeconds(3607).build()).build(),
                        VolumeProjectionArgs.builder().configMap(ConfigMapProjectionArgs.builder().name("kube-root-ca.crt")
                                .items(KeyToPathArgs.builder().key("ca.crt").path("ca.crt").build()).build()).build(),
                        VolumeProjectionArgs.builder().downwardAPI(DownwardAPIProjectionArgs.builder()
                                .items(DownwardAPIVolumeFileArgs.builder().path("namespace").fieldRef(ObjectFieldSelectorArgs
                                        .builder().apiVersion("v1").fieldPath("metadata.namespace").build()).build()).build()).build())
                .build()).build();
    }

    static VolumeMountArgs apiTokenMount() {
        return VolumeMountArgs.builder().name("kube-api-access").mountPath(SA_TOKEN_DIR).readOnly(true).build();
    }
}
