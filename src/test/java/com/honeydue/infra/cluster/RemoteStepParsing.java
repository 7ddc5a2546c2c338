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
}
