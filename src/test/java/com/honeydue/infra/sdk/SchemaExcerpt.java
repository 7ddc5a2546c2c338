package com.honeydue.infra.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the saved provider-schema excerpts and reflects over the SDK-subset classes. */
final class SchemaExcerpt {
    private final JsonNode root;

    private SchemaExcerpt(JsonNode root) {
        this.root = root;
    }

    static SchemaExcerpt load(String resource) {
        try (var in = SchemaExcerpt.class.getResourceAsStream("/provider-schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new SchemaExcerpt(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode resource(String token) {
        var node = root.path("resources").path(token);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("token not in excerpt: " + token);
        }
        return node;
    }

    JsonNode type(String token) {
        var node = root.path("types").path(token);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("type not in excerpt: " + token);
        }
        return node;
    }

    /** A JSON string array as a sorted set, or null when the excerpt records the list as unknown (null). */
    static Set<String> names(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        var out = new TreeSet<String>();
        value.forEach(v -> out.add(v.asText()));
        return out;
    }

    // ---- reflection over the SDK classes ----

    static String token(Class<?> resource) {
        var annotation = resource.getAnnotation(ResourceType.class);
        if (annotation == null) {
            throw new AssertionError(resource + " has no @ResourceType");
        }
        return annotation.type();
    }

    /** @Import names declared on the class and its superclasses (Args classes may inherit, e.g. CustomResourceArgsBase). */
    static Set<String> importNames(Class<?> args) {
        return importNames(args, false);
    }

    static Set<String> requiredImportNames(Class<?> args) {
        return importNames(args, true);
    }

    private static Set<String> importNames(Class<?> args, boolean requiredOnly) {
        var out = new TreeSet<String>();
        for (Class<?> c = args; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                var imp = f.getAnnotation(Import.class);
                if (imp != null && (!requiredOnly || imp.required())) {
                    out.add(imp.name());
                }
            }
        }
        return out;
    }

    static Set<String> exportNames(Class<?> resource) {
        var out = new TreeSet<String>();
        for (Field f : resource.getDeclaredFields()) {
            var exp = f.getAnnotation(Export.class);
            if (exp != null) {
                out.add(exp.name());
            }
        }
        return out;
    }

    /** Instance field names of an @CustomType output class (its property names). */
    static Set<String> customTypeFieldNames(Class<?> type) {
        var out = new TreeSet<String>();
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.add(f.getName());
            }
        }
        return out;
    }

    /** The options a resource class merges in by default: its private static makeResourceOptions(null, empty id). */
    static CustomResourceOptions defaultOptions(Class<?> resource) {
        try {
            Method m = resource.getDeclaredMethod("makeResourceOptions", CustomResourceOptions.class, Output.class);
            m.setAccessible(true);
            return (CustomResourceOptions) m.invoke(null, null, Codegen.empty());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + resource.getSimpleName() + ".makeResourceOptions", e);
        }
    }

    static Set<String> aliasTypes(CustomResourceOptions options) {
        var out = new TreeSet<String>();
        for (Output<Alias> alias : options.getAliases()) {
            Alias a = value(alias);
            a.getType().ifPresent(t -> out.add(value(t)));
        }
        return out;
    }

    static <T> T value(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }

    static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().join();
    }

    static Set<String> set(List<String> list) {
        return new TreeSet<>(list);
    }
}
