// *** API-compatible port of com.pulumi.kubernetes.apiextensions (later pulumi-kubernetes Java SDKs) for kubernetes 4.0.0. ***
// *** See provider-sdks/README.md. ***

package com.pulumi.kubernetes.apiextensions;

import java.util.Map;
import java.util.Set;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;

/**
 * Turns a {@link CustomResourceArgsBase} plus its untyped "other fields" into {@link ResourceArgs}
 * the Pulumi serializer understands.
 * <p>
 * Upstream generates a {@code ResourceArgs} subclass at runtime with one {@code @Import} field per
 * other field. This port has no bytecode generator on the classpath, so it maps the other fields
 * onto a fixed set of top-level Kubernetes object fields (see {@link #SUPPORTED_FIELDS}); their
 * values (nested maps, lists, scalars, Outputs) are sent to the engine unchanged. Any other
 * top-level field name is rejected with an {@link IllegalArgumentException} rather than silently dropped.
 */
final class Util {

    /** Top-level fields that {@link #generateResourceArgs} can carry besides apiVersion/kind/metadata. */
    static final Set<String> SUPPORTED_FIELDS = Set.of(
        "spec", "status", "data", "stringData", "binaryData", "type", "immutable",
        "rules", "subjects", "roleRef", "webhooks");

    private Util() {
    }

    static ResourceArgs generateResourceArgs(CustomResourceArgsBase args, Map<String, Output<?>> otherFields) {
        var result = new OtherFieldsArgs();
        result.apiVersion = args.apiVersion;
        result.kind = args.kind;
        result.metadata = args.metadata;
        for (var entry : otherFields.entrySet()) {
            @SuppressWarnings("unchecked")
            var value = (Output<Object>) entry.getValue();
            switch (entry.getKey()) {
                case "spec": result.spec = value; break;
                case "status": result.status = value; break;
                case "data": result.data = value; break;
                case "stringData": result.stringData = value; break;
                case "binaryData": result.binaryData = value; break;
                case "type": result.type = value; break;
                case "immutable": result.immutable = value; break;
                case "rules": result.rules = value; break;
                case "subjects": result.subjects = value; break;
                case "roleRef": result.roleRef = value; break;
                case "webhooks": result.webhooks = value; break;
                case "apiVersion": case "kind": case "metadata":
                    throw new IllegalArgumentException(
                        "CustomResource: '" + entry.getKey() + "' must be set with its own builder method, not otherFields");
                default:
                    throw new IllegalArgumentException(
                        "CustomResource: unsupported top-level field '" + entry.getKey() + "' (this port supports "
                            + SUPPORTED_FIELDS + "; nest everything else under one of them)");
            }
        }
        return result;
    }

    /** Fixed-shape args: every non-null {@code @Import} field below becomes a resource input. */
    static final class OtherFieldsArgs extends ResourceArgs {
        @Import(name="apiVersion", required=true)
        String apiVersion;
        @Import(name="kind", required=true)
        String kind;
        @Import(name="metadata")
        Output<ObjectMetaArgs> metadata;
        @Import(name="spec")
        Output<Object> spec;
        @Import(name="status")
        Output<Object> status;
        @Import(name="data")
        Output<Object> data;
        @Import(name="stringData")
        Output<Object> stringData;
        @Import(name="binaryData")
        Output<Object> binaryData;
        @Import(name="type")
        Output<Object> type;
        @Import(name="immutable")
        Output<Object> immutable;
        @Import(name="rules")
        Output<Object> rules;
        @Import(name="subjects")
        Output<Object> subjects;
        @Import(name="roleRef")
        Output<Object> roleRef;
        @Import(name="webhooks")
        Output<Object> webhooks;
    }
}
