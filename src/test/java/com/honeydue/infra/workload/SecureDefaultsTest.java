package com.honeydue.infra.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecureDefaultsTest {
    private static <T> T value(Optional<Output<T>> input) {
        return plain(input.orElseThrow());
    }

    private static <T> T plain(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }

    @Test
    void theContainerDefaultIsPodSecurityRestrictedWithAReadOnlyRoot() {
        var sc = SecureDefaults.restrictedContainer();
        assertThat(value(sc.runAsNonRoot())).isTrue();
        assertThat(value(sc.allowPrivilegeEscalation())).isFalse();
        assertThat(value(sc.privileged())).isFalse();
        assertThat(value(sc.readOnlyRootFilesystem())).isTrue();
        assertThat(value(value(sc.capabilities()).drop())).containsExactly("ALL");
        assertThat(plain(value(sc.seccompProfile()).type())).isEqualTo("RuntimeDefault");
    }

    @Test
    void aPodRunsAsItsOwnNonRootIdentity() {
        var pod = SecureDefaults.nonRootPod(1000, 2000);
        assertThat(value(pod.runAsUser())).isEqualTo(1000);
        assertThat(value(pod.runAsGroup())).isEqualTo(2000);
        assertThat(value(pod.fsGroup())).isEqualTo(2000);
        assertThat(value(pod.runAsNonRoot())).isTrue();
        assertThatThrownBy(() -> SecureDefaults.nonRootPod(0, 2000)).hasMessageContaining("uid 0");
        assertThatThrownBy(() -> SecureDefaults.nonRootPod(1000, 0)).hasMessageContaining("gid 0");
    }

    @Test
    void requestsAndLimitsAreBothRequired() {
        var r = SecureDefaults.resources("10m", "32Mi", "100m", "64Mi");
        assertThat(value(r.requests())).containsEntry("cpu", "10m").containsEntry("memory", "32Mi")
                .containsKey("ephemeral-storage");
        assertThat(value(r.limits())).containsEntry("cpu", "100m").containsEntry("memory", "64Mi")
                .containsKey("ephemeral-storage");
        assertThatThrownBy(() -> SecureDefaults.resources("10m", "32Mi", "", "64Mi"))
                .hasMessageContaining("requests and limits");
        assertThatThrownBy(() -> SecureDefaults.resources("10m", null, "100m", "64Mi"))
                .hasMessageContaining("requests and limits");
    }
}
