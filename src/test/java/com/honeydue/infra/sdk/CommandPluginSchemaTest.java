package com.honeydue.infra.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The command SDK subset against the REAL plugin's schema: `pulumi package get-schema command` on the plugin in
 * ../shared/engine (its GetSchema is the published 1.2.1 schema). Every type token the subset declares, and every
 * input and output property of its resources and types, must exist there with the same type.
 *
 * <p>Runs only when CI passes the schema file ({@code -Dhoneydue.commandSchema=<file>}, see
 * .ci/preview/plugin-schemas.sh); the saved excerpt in {@link ProviderSdkSchemaTest} covers `mvn verify`.
 */
@EnabledIfSystemProperty(named = "honeydue.commandSchema", matches = ".+")
class CommandPluginSchemaTest {
    private static final String PKG = "command";

    /** Resource class → Args class, and the input/output type classes with their tokens. */
    private static final Map<Class<?>, Class<?>> RESOURCES = Map.of(
            com.pulumi.command.remote.Command.class, com.pulumi.command.remote.CommandArgs.class,
            com.pulumi.command.remote.CopyToRemote.class, com.pulumi.command.remote.CopyToRemoteArgs.class,
            com.pulumi.command.local.Command.class, com.pulumi.command.local.CommandArgs.class);
    private static final Map<Class<?>, String> TYPES = Map.of(
            com.pulumi.command.remote.inputs.ConnectionArgs.class, "command:remote:Connection",
            com.pulumi.command.remote.inputs.ProxyConnectionArgs.class, "command:remote:ProxyConnection",
            com.pulumi.command.remote.outputs.Connection.class, "command:remote:Connection",
            com.pulumi.command.remote.outputs.ProxyConnection.class, "command:remote:ProxyConnection",
            com.pulumi.command.remote.enums.Logging.class, "command:remote:Logging",
            com.pulumi.command.local.enums.Logging.class, "command:local:Logging");

    @Test
    void everyTokenAndPropertyOfTheSubsetIsInThePluginsSchemaWithTheSameType() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of(System.getProperty("honeydue.commandSchema"))));
        assertThat(schema.path("name").asText()).isEqualTo(PKG);
        assertThat(schema.path("version").asText()).as("plugin version").isEqualTo("1.2.1");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var e : RESOURCES.entrySet()) {
            String token = e.getKey().getAnnotation(ResourceType.class).type();
            JsonNode resource = schema.path("resources").path(token);
            if (resource.isMissingNode()) {
                problems.add("resource " + token + " is not in the plugin's schema");
                continue;
            }
            checked += check(token + " input", annotated(e.getValue(), true), resource.path("inputProperties"), problems);
            // The saved excerpt's replaceOnChanges (what NoUninstallOnChangeTest relies on) is the plugin's.
            java.util.Set<String> replacing = new java.util.TreeSet<>();
            resource.path("inputProperties").fields().forEachRemaining(p -> {
                if (p.getValue().path("replaceOnChanges").asBoolean(false)) {
                    replacing.add(p.getKey());
                }
            });
            java.util.Set<String> saved = new java.util.TreeSet<>();
            ProviderSdkSchemaTest.COMMAND.resource(token).path("replaceOnChanges").forEach(n -> saved.add(n.asText()));
            if (!replacing.equals(saved)) {
                problems.add(token + " replaceOnChanges: plugin " + replacing + ", saved excerpt " + saved);
            }
            checked += check(token + " output", annotated(e.getKey(), false), resource.path("properties"), problems);
        }
        for (var e : TYPES.entrySet()) {
            JsonNode type = schema.path("types").path(e.getValue());
            if (type.isMissingNode()) {
                problems.add("type " + e.getValue() + " is not in the plugin's schema");
                continue;
            }
            if (e.getKey().isEnum()) {
                for (Object constant : e.getKey().getEnumConstants()) {
                    String value = enumValue(constant);
                    boolean found = false;
                    for (JsonNode v : type.path("enum")) {
                        found |= v.path("value").asText().equals(value);
                    }
                    if (!found) {
                        problems.add("enum " + e.getValue() + " has no value '" + value + "'");
                    }
                    checked++;
                }
                continue;
            }
            boolean inputType = e.getKey().getSimpleName().endsWith("Args");
            Map<String, Type> fields = inputType ? annotated(e.getKey(), true) : plainFields(e.getKey());
            checked += check(e.getValue() + (inputType ? " input type" : " output type"), fields, type.path("properties"), problems);
        }
        System.out.println("command subset vs the plugin's schema: " + checked + " properties and values checked, "
                + problems.size() + " problems");
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    private static int check(String where, Map<String, Type> javaProperties, JsonNode schemaProperties, List<String> problems) {
        for (var p : javaProperties.entrySet()) {
            JsonNode s = schemaProperties.get(p.getKey());
            if (s == null) {
                problems.add(where + " '" + p.getKey() + "' is not in the plugin's schema");
                continue;
            }
            String javaType = javaType(p.getValue());
            String schemaType = schemaType(s);
            if (!javaType.equals(schemaType)) {
                problems.add(where + " '" + p.getKey() + "': subset " + javaType + ", schema " + schemaType);
            }
        }
        return javaProperties.size();
    }

    /** @Import (inputs) or @Export (outputs) fields by their wire name, with the type inside Output&lt;…&gt;. */
    private static Map<String, Type> annotated(Class<?> c, boolean imports) {
        Map<String, Type> out = new java.util.TreeMap<>();
        for (Field f : c.getDeclaredFields()) {
            String name = imports ? (f.getAnnotation(Import.class) == null ? null : f.getAnnotation(Import.class).name())
                    : (f.getAnnotation(Export.class) == null ? null : f.getAnnotation(Export.class).name());
            if (name != null) {
                out.put(name, unwrapOutput(f.getGenericType()));
            }
        }
        return out;
    }

    private static Map<String, Type> plainFields(Class<?> c) {
        Map<String, Type> out = new java.util.TreeMap<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.put(f.getName(), f.getGenericType());
            }
        }
        return out;
    }

    private static Type unwrapOutput(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == com.pulumi.core.Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return t;
    }

    /** A Java property type in the schema's vocabulary: string, integer, array&lt;…&gt;, map&lt;…&gt;, ref:&lt;token&gt;, any. */
    static String javaType(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] a = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return "array<" + javaType(a[0]) + ">";
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map<" + javaType(a[1]) + ">";
            }
            return "unsupported " + t;
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return "string";
        }
        if (c == Integer.class) {
            return "integer";
        }
        if (c == Double.class) {
            return "number";
        }
        if (c == Boolean.class) {
            return "boolean";
        }
        if (c == Object.class) {
            return "any";
        }
        // Pulumi's schema calls "an asset or an archive" pulumi.json#/Asset; Java's codegen maps it to AssetOrArchive.
        if (c == com.pulumi.asset.AssetOrArchive.class) {
            return "ref:pulumi.json#/Asset";
        }
        if (c == com.pulumi.asset.Archive.class) {
            return "ref:pulumi.json#/Archive";
        }
        String token = TYPES.get(c);
        return token != null ? "ref:" + token : "unsupported " + c.getName();
    }

    static String schemaType(JsonNode s) {
        if (s.has("$ref")) {
            String ref = s.path("$ref").asText();
            if (ref.equals("pulumi.json#/Any")) {
                return "any";
            }
            return ref.startsWith("#/types/") ? "ref:" + ref.substring("#/types/".length()) : "ref:" + ref;
        }
        return switch (s.path("type").asText()) {
            case "array" -> "array<" + schemaType(s.path("items")) + ">";
            case "object" -> "map<" + schemaType(s.path("additionalProperties")) + ">";
            case "" -> "untyped";
            default -> s.path("type").asText();
        };
    }

    private static String enumValue(Object constant) {
        try {
            var m = constant.getClass().getMethod("getValue");
            return String.valueOf(m.invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("enum " + constant.getClass() + " has no getValue()", e);
        }
    }
}
