package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.honeydue.infra.HoneyDueStack;
import com.honeydue.infra.config.StackConfig;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the real program ({@link HoneyDueStack}) in-process under the Pulumi Java SDK's mock engine and records
 * what the engine would receive. Used by render and by the component tests.
 */
public final class MockStackRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockStackRunner() {}

    public static StackRun run(StackConfig config) {
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        var mocks = new FakeProviderMocks();
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(config.project()).stackName(config.stack()).preview(false).build())
                .mocks(mocks)
                .monitorDecorator(m -> {
                    var r = new RecordingMonitor(mocks, PulumiTestInternal.mockLog());
                    monitor.set(r);
                    return r;
                })
                .build();
        try {
            var result = test.runTest(ctx -> HoneyDueStack.define(ctx, config)).throwOnError();
            Map<String, JsonNode> outputs = new TreeMap<>();
            Map<String, Boolean> secret = new TreeMap<>();
            for (var e : result.outputs().entrySet()) {
                OutputData<?> data = PulumiTestInternal.extractOutputData(e.getValue());
                secret.put(e.getKey(), data.isSecret());
                outputs.put(e.getKey(), data.isSecret() ? SecretMasking.MASK : JSON.valueToTree(data.getValueNullable()));
            }
            return new StackRun(config.project(), config.stack(), monitor.get().recorded(), new LinkedHashMap<>(outputs), secret);
        } finally {
            PulumiTest.cleanup();
        }
    }
}
