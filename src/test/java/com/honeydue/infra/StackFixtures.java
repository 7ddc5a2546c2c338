package com.honeydue.infra;

import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackFiles;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The committed stacks, loaded the way render loads them; mock runs are cached because they are read-only. */
public final class StackFixtures {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Map<String, StackRun> RUNS = new ConcurrentHashMap<>();

    private StackFixtures() {}

    public static StackConfig config(String stack) {
        try {
            return StackFiles.load(PROJECT, stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StackRun run(String stack) {
        return RUNS.computeIfAbsent(stack, s -> MockStackRunner.run(config(s)));
    }
}
