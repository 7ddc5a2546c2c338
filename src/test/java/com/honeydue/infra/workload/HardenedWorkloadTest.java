package com.honeydue.infra.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HardenedWorkloadTest {
    private static final String PINNED = "registry.example/app@sha256:" + "a".repeat(64);
    private static final ProbeArgs PROBE = ProbeArgs.builder().tcpSocket(TCPSocketActionArgs.builder().port(8080).build()).build();

    private static <T> T value(Optional<Output<T>> input) {
        return Internal.of(input.orElseThrow()).getValueNullable().join();
    }

    private static HardenedContainer.Builder complete() {
        return HardenedContainer.builder("app", PINNED).resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi"))
                .livenessProbe(PROBE).readinessProbe(PROBE);
    }

    @Test
    void aContainerIsRestrictedByDefault() {
        var c = complete().build();
        var sc = value(c.securityContext());
        assertThat(value(sc.runAsNonRoot())).isTrue();
        assertThat(value(sc.readOnlyRootFilesystem())).isTrue();
        assertThat(value(sc.allowPrivilegeEscalation())).isFalse();
        assertThat(value(value(sc.capabilities()).drop())).containsExactly("ALL");
        assertThat(value(c.image())).isEqualTo(PINNED);
    }

    @Test
    void aContainerNeedsAPinnedImageLimitsAndBothProbesUnlessItSaysWhyNot() {
        assertThatThrownBy(() -> HardenedContainer.builder("app", "registry.example/app:latest")
                .resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi")).livenessProbe(PROBE).readinessProbe(PROBE)
                .build()).hasMessageContaining("is not pinned");
        assertThat(value(HardenedContainer.builder("app", "registry.example/app:latest").unpinnedImage("test stack")
                .resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi")).livenessProbe(PROBE).readinessProbe(PROBE)
                .build().image())).isEqualTo("registry.example/app:latest");
        assertThatThrownBy(() -> HardenedContainer.builder("app", PINNED).livenessProbe(PROBE).readinessProbe(PROBE).build())
                .hasMessageContaining("no requests and limits");
        assertThatThrownBy(() -> HardenedContainer.builder("app", PINNED)
                .resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi")).readinessProbe(PROBE).build())
                .hasMessageContaining("no liveness probe");
        assertThatThrownBy(() -> HardenedContainer.builder("app", PINNED)
                .resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi")).livenessProbe(PROBE).build())
                .hasMessageContaining("no readiness probe");
        assertThat(HardenedContainer.builder("job", PINNED).resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi"))
                .withoutProbes("runs to completion").build().livenessProbe()).isEmpty();
        assertThat(HardenedContainer.builder("agent", PINNED).resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi"))
                .livenessProbe(PROBE).withoutReadinessProbe("no Service").build().readinessProbe()).isEmpty();
        assertThatThrownBy(() -> complete().securityContext(SecurityContextArgs.builder().runAsUser(0).build(), " "))
                .hasMessageContaining("needs its reason");
    }

    @Test
    void aPodRunsAsItsOwnAccountWithoutAnApiTokenAndNeedsAnIdentity() {
        var pod = HardenedPod.builder("api").runAs(1000, 1000).containers(complete().build()).build();
        assertThat(value(pod.serviceAccountName())).isEqualTo("api");
        assertThat(value(pod.automountServiceAccountToken())).isFalse();
        assertThat(value(value(pod.securityContext()).runAsUser())).isEqualTo(1000);
        assertThat(pod.hostNetwork()).isEmpty();
        assertThatThrownBy(() -> HardenedPod.builder("default")).hasMessageContaining("own ServiceAccount");
        assertThatThrownBy(() -> HardenedPod.builder("api").containers(complete().build()).build())
                .hasMessageContaining("has no identity");
        assertThatThrownBy(() -> HardenedPod.builder("agent").hostNamespaces("")).hasMessageContaining("need their reason");
        var agent = HardenedPod.builder("agent").runAs(65534, 65534).hostNamespaces("node metrics")
                .containers(complete().build()).build();
        assertThat(value(agent.hostNetwork())).isTrue();
        assertThat(value(agent.hostPID())).isTrue();
    }

    @Test
    void aServiceIsClusterIpOnANamedPortAndABudgetSelectsItsPods() {
        var meta = com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs.builder().name("api").build();
        var service = value(ClusterIpService.args(meta, java.util.Map.of("app", "api"), "http", 8000).spec());
        assertThat(value(service.type()).toString()).contains("ClusterIP");
        assertThat(value(service.selector())).containsExactly(java.util.Map.entry("app", "api"));
        var port = value(service.ports()).get(0);
        assertThat(Internal.of(port.port()).getValueNullable().join()).isEqualTo(8000);
        assertThat(value(port.targetPort()).toString()).contains("http");
        var budget = value(DisruptionBudget.maxUnavailable(meta, java.util.Map.of("app", "api"), 1).spec());
        assertThat(value(value(budget.selector()).matchLabels())).containsEntry("app", "api");
        assertThat(value(budget.maxUnavailable()).toString()).contains("1");
        assertThat(budget.minAvailable()).isEmpty();
        var stoppable = value(DisruptionBudget.minAvailable(meta, java.util.Map.of("app", "worker"), 0).spec());
        assertThat(value(stoppable.minAvailable()).toString()).contains("0");
        assertThat(stoppable.maxUnavailable()).isEmpty();
    }
}
