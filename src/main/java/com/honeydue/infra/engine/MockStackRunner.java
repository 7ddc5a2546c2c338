package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.honeydue.infra.HoneyDueStack;
import com.honeydue.infra.stack.StackConfig;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import com.pulumi.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the real program ({@link HoneyDueStack}) in-process under the Pulumi Java SDK's mock engine and records
 * what the engine would receive. Used by render and by the component tests.
 */
public final class MockStackRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockStackRunner() {}

    public static StackRun run(StackConfig config) {
        return runObserved(config).run();
    }

    /** The real program for this config, with the declaration record render orders by. */
    public static ObservedRun runObserved(StackConfig config) {
        return runProgram(config.project(), config.stack(), ctx -> HoneyDueStack.define(ctx, config));
    }

    /** The real program, with the outputs other stacks export (read through StackReference) given by name. */
    public static StackRun run(StackConfig config, Map<String, Map<String, Object>> otherStacksOutputs) {
        return runProgram(config.project(), config.stack(), ctx -> HoneyDueStack.define(ctx, config),
                new FakeProviderMocks(otherStacksOutputs)).run();
    }

    /** Any program (tests pin the engine API with small ones). */
    public static ObservedRun runProgram(String project, String stack, Consumer<Context> program) {
        return runProgram(project, stack, program, new FakeProviderMocks());
    }

    /** What reached the engine before a program stopped, and its errors: for programs expected to fail. */
    public record Attempt(List<RecordedResource> registered, List<String> errors) {}

    /** Runs a program as `pulumi preview` would, never throwing: the errors are returned with what was registered. */
    public static Attempt attempt(String project, String stack, Consumer<Context> program, FakeProviderMocks mocks) {
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        try {
            var result = harness(project, stack, mocks, monitor, List.of(), true).runTest(program);
            return new Attempt(monitor.get().recorded(), result.errors());
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static PulumiTestInternal harness(String project, String stack, FakeProviderMocks mocks,
                                              AtomicReference<RecordingMonitor> monitor,
                                              List<com.pulumi.resources.ResourceTransformation> transformations,
                                              boolean preview) {
        return harness(project, stack, mocks, monitor, transformations, preview, Map.of(), java.util.Set.of());
    }

    private static PulumiTestInternal harness(String project, String stack, FakeProviderMocks mocks,
                                              AtomicReference<RecordingMonitor> monitor,
                                              List<com.pulumi.resources.ResourceTransformation> transformations,
                                              boolean preview, Map<String, String> config, java.util.Set<String> secretKeys) {
        return PulumiTestInternal.builder()
                .config(config, secretKeys)
                .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview)
                        .resourceTransformations(transformations).build())
                .mocks(mocks)
                .monitorDecorator(m -> {
                    var r = new RecordingMonitor(mocks, PulumiTestInternal.mockLog());
                    monitor.set(r);
                    return r;
                })
                .build();
    }

    /** Any program, with mocks of its own (a test that needs a provider output the fakes do not give). */
    public static ObservedRun runProgram(String project, String stack, Consumer<Context> program, FakeProviderMocks mocks) {
        return runProgram(project, stack, Map.of(), java.util.Set.of(), program, mocks);
    }

    /**
     * A program that reads its own stack config ({@code ctx.config()}), as a library user's program does.
     * @param config     "project:key" to the value as the CLI passes it (lists and objects as JSON)
     * @param secretKeys the keys of {@code config} that are secret
     */
    public static ObservedRun runProgram(String project, String stack, Map<String, String> config, java.util.Set<String> secretKeys,
                                         Consumer<Context> program, FakeProviderMocks mocks) {
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        var declarations = new DeclarationRecorder();
        var test = harness(project, stack, mocks, monitor, List.of(declarations), false, config, secretKeys);
        try {
            var result = test.runTest(program).throwOnError();
            Map<String, JsonNode> outputs = new TreeMap<>();
            Map<String, Boolean> secret = new TreeMap<>();
            for (var e : result.outputs().entrySet()) {
                OutputData<?> data = PulumiTestInternal.extractOutputData(e.getValue());
                secret.put(e.getKey(), data.isSecret());
                outputs.put(e.getKey(), data.isSecret() ? SecretMasking.MASK : JSON.valueToTree(data.getValueNullable()));
            }
            var run = new StackRun(project, stack, monitor.get().recorded(), new LinkedHashMap<>(outputs), secret);
            return new ObservedRun(run, declarations.declarations());
        } finally {
            PulumiTest.cleanup();
        }
    }
}
