package com.honeydue.infra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, plus a record of every RegisterResourceRequest exactly as the real engine would
 * receive it: parent, dependencies (explicit and from Outputs) and the serialized inputs with secret envelopes.
 * URNs are the engine's: the mock's carry the root stack's type in every qualified type, the engine's do not
 * ({@link EngineUrns}), and the program sees the engine's form, as it would under {@code pulumi up}.
 * Uses the SDK's internal test API (com.pulumi.test.internal), which is why pom.xml pins the SDK version.
 */
public final class RecordingMonitor extends MockMonitor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final java.util.concurrent.ConcurrentSkipListMap<Long, RecordedResource> recorded =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    public RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        long seq = sequence.getAndIncrement();
        JsonNode inputs = toJson(request);
        return super.registerResourceAsync(resource, request).thenApply(EngineUrns::asEngineRecordsThem).thenApply(response -> {
            var secretPaths = new TreeSet<String>();
            JsonNode masked = SecretMasking.mask(inputs, "", secretPaths);
            List<String> deps = new ArrayList<>(new LinkedHashSet<>(request.getDependenciesList()));
            request.getPropertyDependenciesMap().values().forEach(pd -> pd.getUrnsList().forEach(u -> {
                if (!deps.contains(u)) {
                    deps.add(u);
                }
            }));
            var propertyDeps = new java.util.TreeMap<String, List<String>>();
            request.getPropertyDependenciesMap().forEach((property, pd) -> {
                if (pd.getUrnsCount() > 0) {
                    propertyDeps.put(property, List.copyOf(pd.getUrnsList()));
                }
            });
            recorded.put(seq, new RecordedResource(response.getUrn(), request.getType(), request.getName(),
                    request.getParent().isEmpty() ? null : request.getParent(), List.copyOf(deps), masked,
                    Collections.unmodifiableSet(secretPaths), request.getCustom(),
                    request.getProvider().isEmpty() ? null : request.getProvider(),
                    Collections.unmodifiableMap(propertyDeps)));
            return response;
        });
    }

    private static JsonNode toJson(RegisterResourceRequest request) {
        try {
            return JSON.readTree(JsonFormat.printer().print(request.getObject()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resources in registration order (the order the engine received them). */
    public List<RecordedResource> recorded() {
        return List.copyOf(recorded.values());
    }
}
