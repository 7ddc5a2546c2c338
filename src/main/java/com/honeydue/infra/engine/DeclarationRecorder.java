package com.honeydue.infra.engine;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stack-level resource transformation that changes nothing and notes every declared resource in constructor
 * order. Transformations run synchronously inside the resource constructor, so this order is the program's own
 * order and identical on every run (the monitor's registration order is not: it follows Output resolution).
 * URNs are resolved only after the run, when every resource has been registered.
 */
public final class DeclarationRecorder implements ResourceTransformation {
    private record Seen(Resource resource, Resource parent, Output<List<Resource>> dependsOn) {}

    private final List<Seen> seen = new ArrayList<>();

    @Override
    public synchronized Optional<Result> apply(Args args) {
        seen.add(new Seen(args.resource(), args.options().getParent().orElse(null), args.options().getDependsOn()));
        return Optional.empty();
    }

    /** Call after the run has completed. */
    public synchronized List<Declaration> declarations() {
        List<Declaration> out = new ArrayList<>(seen.size());
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            List<String> deps = new ArrayList<>();
            List<Resource> explicit = s.dependsOn() == null ? null : value(s.dependsOn());
            if (explicit != null) {
                explicit.forEach(r -> deps.add(urn(r)));
            }
            out.add(new Declaration(i, urn(s.resource()), s.resource().pulumiResourceType(), s.resource().pulumiResourceName(),
                    s.parent() == null ? null : urn(s.parent()), List.copyOf(deps)));
        }
        return List.copyOf(out);
    }

    private static String urn(Resource r) {
        return value(r.urn());
    }

    private static <T> T value(Output<T> output) {
        OutputData<T> data = PulumiTestInternal.extractOutputData(output);
        return data.getValueNullable();
    }
}
