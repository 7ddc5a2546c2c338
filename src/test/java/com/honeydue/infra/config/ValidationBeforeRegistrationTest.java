package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.HoneyDueProgram;
import com.honeydue.infra.engine.FakeProviderMocks;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad stack file fails the whole program before the first resource reaches the engine. */
class ValidationBeforeRegistrationTest {
    private static MockStackRunner.Attempt attempt(RawConfig raw) {
        return MockStackRunner.attempt("honeydue-infra", raw.stack(),
                ctx -> HoneyDueProgram.run(ctx, ConfigOverrides.schema(), raw), new FakeProviderMocks());
    }

    @Test
    void badConfigRegistersNothingButTheRootStack() {
        var attempt = attempt(ConfigOverrides.raw("ovh", Map.of("k3sVersion", "latest", "etcdSnapshotRetention", "0"), true));
        assertThat(attempt.registered()).extracting(RecordedResource::type).containsOnly("pulumi:pulumi:Stack");
        assertThat(String.join("\n", attempt.errors())).contains(ConfigValidationException.class.getName())
                .contains("honeydue-infra:k3sVersion").contains("honeydue-infra:etcdSnapshotRetention");
    }

    @Test
    void goodConfigDoesRegisterResources() {
        var attempt = attempt(ConfigOverrides.raw("ovh", Map.of(), true));
        assertThat(attempt.errors()).isEmpty();
        assertThat(attempt.registered()).extracting(RecordedResource::type).contains("honeydue:cluster:K3sNodeGroup");
    }
}
