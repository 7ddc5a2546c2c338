package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueProgram;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.RecordingMonitor;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bad stack file fails the whole program before the first resource reaches the engine. */
class ValidationBeforeRegistrationTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static java.util.List<RecordedResource> registeredBy(RawConfig raw, AtomicReference<Throwable> error) {
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        var mocks = new FakeProviderMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("honeydue-infra").stackName(raw.stack()).preview(true).build())
                .mocks(mocks)
                .monitorDecorator(m -> {
                    monitor.set(new RecordingMonitor(mocks, PulumiTestInternal.mockLog()));
                    return monitor.get();
                })
                .build()
                .runTest(ctx -> HoneyDueProgram.run(ctx, ConfigOverrides.schema(), raw));
        if (!result.exceptions().isEmpty()) {
            error.set(result.exceptions().get(0));
        }
        return monitor.get().recorded();
    }

    @Test
    void badConfigRegistersNothingButTheRootStack() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        var raw = ConfigOverrides.raw("ovh", Map.of("k3sVersion", "latest", "etcdSnapshotRetention", "0"), true);
        var registered = registeredBy(raw, error);
        assertThat(registered).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        Throwable root = error.get();
        while (root != null && !(root instanceof ConfigValidationException) && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("honeydue-infra:k3sVersion").hasMessageContaining("honeydue-infra:etcdSnapshotRetention");
    }

    @Test
    void goodConfigDoesRegisterResources() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        var registered = registeredBy(ConfigOverrides.raw("ovh", Map.of(), true), error);
        assertThat(error.get()).isNull();
        assertThat(registered).extracting(RecordedResource::type).contains("honeydue:cluster:K3sNodeGroup");
    }
}
