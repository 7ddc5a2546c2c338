package com.honeydue.infra.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads back the leading {@code export KEY='value'} lines of a remote step's command (RemoteStep.command()). */
final class RemoteStepParsing {
    private RemoteStepParsing() {}

    static Map<String, String> exports(String command) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        while (command.startsWith("export ", i)) {
            int eq = command.indexOf("='", i);
            String key = command.substring(i + "export ".length(), eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (true) {
                char ch = command.charAt(j);
                if (ch == '\'') {
                    if (command.startsWith("'\"'\"'", j)) { // an escaped single quote
                        value.append('\'');
                        j += 5;
                        continue;
                    }
                    break;
                }
                value.append(ch);
                j++;
            }
            env.put(key, value.toString());
            i = j + 2; // closing quote and newline
        }
        return env;
    }

    /** The flags a K3sConfigFile YAML stands for, in file order: "server" first, lists expanded, true as a bare flag. */
    static java.util.List<String> k3sFlags(String yaml) {
        java.util.List<String> flags = new java.util.ArrayList<>(java.util.List.of("server"));
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> flags.add("--" + e.getKey() + "=" + v.asText()));
                } else if (e.getValue().isBoolean()) {
                    flags.add("--" + e.getKey());
                } else {
                    flags.add("--" + e.getKey() + "=" + e.getValue().asText());
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return flags;
    }
}
