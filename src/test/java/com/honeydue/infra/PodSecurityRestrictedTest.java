package com.honeydue.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The honeydue namespace enforces Pod Security "restricted", and every pod template registered into it (any
 * component) passes the restricted checks the API server would apply; alloy-logs, which cannot, has its own
 * privileged namespace with its own NetworkPolicies and keeps its tail positions on the host.
 */
class PodSecurityRestrictedTest {
    private static final Set<String> POD_OWNERS = Set.of("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:DaemonSet",
            "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob");

    /** The violations of Pod Security "restricted" (v1.34) in one pod spec, as the admission plugin words them. */
    static List<String> restrictedViolations(JsonNode pod) {
        List<String> v = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                v.add(host + "=true");
            }
        }
        pod.path("volumes").forEach(vol -> {
            if (vol.has("hostPath")) {
                v.add("hostPath volume " + vol.path("name").asText());
            }
        });
        JsonNode psc = pod.path("securityContext");
        for (String field : List.of("containers", "initContainers")) {
            for (JsonNode c : pod.path(field)) {
                String who = c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(who + ": privileged");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    v.add(who + ": allowPrivilegeEscalation != false");
                }
                boolean dropsAll = false;
                for (JsonNode d : sc.at("/capabilities/drop")) {
                    dropsAll |= d.asText().equals("ALL");
                }
                if (!dropsAll) {
                    v.add(who + ": capabilities.drop lacks ALL");
                }
                sc.at("/capabilities/add").forEach(a -> {
                    if (!a.asText().equals("NET_BIND_SERVICE")) {
                        v.add(who + ": adds capability " + a.asText());
                    }
                });
                boolean nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot").asBoolean() : psc.path("runAsNonRoot").asBoolean(false);
                if (!nonRoot) {
                    v.add(who + ": runAsNonRoot != true");
                }
                double uid = sc.has("runAsUser") ? sc.path("runAsUser").asDouble() : psc.path("runAsUser").asDouble(-1);
                if (uid == 0) {
                    v.add(who + ": runAsUser=0");
                }
                String seccomp = sc.has("seccompProfile") ? sc.at("/seccompProfile/type").asText() : psc.at("/seccompProfile/type").asText();
                if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                    v.add(who + ": seccompProfile.type is '" + seccomp + "'");
                }
                c.path("ports").forEach(p -> {
                    if (p.path("hostPort").asDouble(0) != 0) {
                        v.add(who + ": hostPort " + p.path("hostPort").asInt());
                    }
                });
            }
        }
        return v;
    }

    private static JsonNode podSpec(RecordedResource r) {
        return r.type().equals("kubernetes:batch/v1:CronJob") ? r.inputs().at("/spec/jobTemplate/spec/template/spec")
                : r.inputs().at("/spec/template/spec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void everyPodInHoneydueIsRestrictedAndTheNamespaceEnforcesIt(String stack) {
        StackRun run = StackFixtures.run(stack);
        JsonNode labels = run.named("kubernetes:core/v1:Namespace", "honeydue").inputs().at("/metadata/labels");
        for (String mode : List.of("enforce", "warn", "audit")) {
            assertThat(labels.path("pod-security.kubernetes.io/" + mode).asText()).as(mode).isEqualTo("restricted");
        }
        List<RecordedResource> inHoneydue = run.resources().stream().filter(r -> POD_OWNERS.contains(r.type()))
                .filter(r -> r.inputs().at("/metadata/namespace").asText().equals("honeydue")).toList();
        assertThat(inHoneydue).extracting(RecordedResource::name)
                .contains("api", "worker", "web", "admin", "redis", "vmagent").doesNotContain("alloy-logs");
        for (RecordedResource r : inHoneydue) {
            assertThat(restrictedViolations(podSpec(r))).as(r.type() + " " + r.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ovh", "prod"})
    void alloyLogsHasItsOwnPrivilegedNamespaceItsOwnPoliciesAndHostPositions(String stack) {
        StackRun run = StackFixtures.run(stack);
        RecordedResource ns = run.named("kubernetes:core/v1:Namespace", "honeydue-logs");
        assertThat(ns.inputs().at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("privileged");
        RecordedResource ds = run.named("kubernetes:apps/v1:DaemonSet", "alloy-logs");
        assertThat(ds.inputs().at("/metadata/namespace").asText()).isEqualTo("honeydue-logs");
        assertThat(restrictedViolations(podSpec(ds))).as("the documented exception").isNotEmpty();
        JsonNode data = null;
        for (JsonNode v : podSpec(ds).path("volumes")) {
            if (v.path("name").asText().equals("data")) {
                data = v;
            }
        }
        assertThat(data).isNotNull();
        assertThat(data.has("emptyDir")).as("positions must survive a pod replacement").isFalse();
        assertThat(data.at("/hostPath/path").asText()).isEqualTo("/var/lib/alloy-logs");
        assertThat(data.at("/hostPath/type").asText()).isEqualTo("DirectoryOrCreate");
        List<String> policies = run.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").stream()
                .filter(r -> r.inputs().at("/metadata/namespace").asText().equals("honeydue-logs"))
                .map(r -> r.inputs().at("/metadata/name").asText()).toList();
        assertThat(policies).containsExactlyInAnyOrder("default-deny-all", "alloy-logs");
        assertThat(ds.dependsOn()).contains(run.named("kubernetes:core/v1:ServiceAccount", "alloy-logs").urn());
        assertThat(run.named("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "honeydue-alloy-logs").inputs()
                .at("/subjects/0/namespace").asText()).isEqualTo("honeydue-logs");
    }
}
