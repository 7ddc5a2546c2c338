// *** API-compatible port of com.pulumi.kubernetes.apiextensions (later pulumi-kubernetes Java SDKs) for kubernetes 4.0.0. ***
// *** See provider-sdks/README.md. ***

package com.pulumi.kubernetes.apiextensions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

/**
 * CustomResourceArgsBase is the base class for a user-defined
 * CustomResourceArgs.
 */
public abstract class CustomResourceArgsBase extends com.pulumi.resources.ResourceArgs {

    /**
     * APIVersion defines the versioned schema of this representation of an object, e.g. `helm.cattle.io/v1`.
     * 
     */
    @Import(name="apiVersion", required=true)
    String apiVersion;

    /**
     * @return APIVersion defines the versioned schema of this representation of an object.
     * 
     */
    public String apiVersion() {
        return this.apiVersion;
    }

    /**
     * Kind is a string value representing the REST resource this object represents, e.g. `HelmChart`.
     * 
     */
    @Import(name="kind", required=true)
    String kind;

    /**
     * @return Kind is a string value representing the REST resource this object represents.
     * 
     */
    public String kind() {
        return this.kind;
    }

    /**
     * Standard object&#39;s metadata.
     * 
     */
    @Import(name="metadata")
    /* @Nullable */ Output<ObjectMetaArgs> metadata;

    /**
     * @return Standard object&#39;s metadata.
     * 
     */
    public Optional<Output<ObjectMetaArgs>> metadata() {
        return Optional.ofNullable(this.metadata);
    }

    /**
     * Untyped map that holds any user-defined fields (e.g. `spec`).
     * 
     */
    /* @Nullable */ Map<String,Output<?>> otherFields;

    /**
     * @return Untyped map that holds any user-defined fields.
     * 
     */
    public Optional<Map<String,Output<?>>> otherFields() {
        return Optional.ofNullable(this.otherFields);
    }

    protected CustomResourceArgsBase() {
    }

    @SuppressWarnings("unchecked")
    public static class Builder<T extends CustomResourceArgsBase, U extends Builder<T, U>> {
        protected T $;

        protected Builder(T $) {
            this.$ = $;
        }

        protected Builder(T $, T defaults) {
            this($);
            copy(Objects.requireNonNull(defaults));
        }

        protected void copy(T args) {
            $.apiVersion = args.apiVersion;
            $.kind = args.kind;
            $.metadata = args.metadata;
            $.otherFields = args.otherFields;
        }

        /**
         * @param apiVersion APIVersion defines the versioned schema of this representation of an object.
         * @return builder
         */
        public U apiVersion(String apiVersion) {
            $.apiVersion = apiVersion;
            return (U) this;
        }

        /**
         * @param kind Kind is a string value representing the REST resource this object represents.
         * @return builder
         */
        public U kind(String kind) {
            $.kind = kind;
            return (U) this;
        }

        /**
         * @param metadata Standard object&#39;s metadata.
         * @return builder
         */
        public U metadata(/* @Nullable */ Output<ObjectMetaArgs> metadata) {
            $.metadata = metadata;
            return (U) this;
        }

        /**
         * @param metadata Standard object&#39;s metadata.
         * @return builder
         */
        public U metadata(ObjectMetaArgs metadata) {
            return metadata(Output.of(metadata));
        }

        /**
         * @param fields Untyped map that holds any user-defined fields (which may be Output values).
         * @return builder
         */
        public U otherFields(Map<String, ?> fields) {
            var map = $.otherFields != null ? new LinkedHashMap<String, Output<?>>($.otherFields) : new LinkedHashMap<String, Output<?>>();
            for (var entry : fields.entrySet()) {
                var value = entry.getValue();
                map.put(entry.getKey(), (value instanceof Output) ? (Output<?>) value : Output.of(value));
            }
            $.otherFields = map;
            return (U) this;
        }

        /**
         * @param field The user-defined field name.
         * @param value The field value, which may be an Output value.
         * @return builder
         */
        public U otherField(String field, Object value) {
            var map = $.otherFields != null ? new LinkedHashMap<String, Output<?>>($.otherFields) : new LinkedHashMap<String, Output<?>>();
            map.put(field, value instanceof Output ? (Output<?>) value : Output.of(value));
            $.otherFields = map;
            return (U) this;
        }

        public T build() {
            $.apiVersion = Codegen.stringProp("apiVersion").arg($.apiVersion).require();
            $.kind = Codegen.stringProp("kind").arg($.kind).require();
            return (T) $;
        }
    }

}
