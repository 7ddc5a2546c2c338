package com.honeydue.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One script run on one node: a file under {@code src/main/resources/scripts/} (with the shared lib.sh in front)
 * and its parameters. Parameters are exported at the top of the command rather than sent with SSH setenv,
 * because stock Ubuntu sshd only accepts LANG/LC_* (AcceptEnv). No parameter is ever a secret; secrets go on stdin.
 */
public record RemoteStep(String name, String script, Map<String, String> env) {
    public RemoteStep {
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    }

    public static RemoteStep of(String name, String scriptFile, Map<String, String> env) {
        env.forEach(RemoteStep::checkParameter);
        return new RemoteStep(name, resource("lib.sh") + "\n" + resource(scriptFile), withStepName(name, env));
    }

    /**
     * A step whose script stands alone, without lib.sh: for the reads whose output feeds other resources (the join
     * token, the kubeconfig), so that an edit of lib.sh does not change them (see read-kubeconfig.sh for why).
     */
    public static RemoteStep standalone(String name, String scriptFile, Map<String, String> env) {
        env.forEach(RemoteStep::checkParameter);
        return new RemoteStep(name, resource(scriptFile), withStepName(name, env));
    }

    /**
     * Every parameter is a shell variable name and a value of printable ASCII, plus line breaks for the two list
     * parameters that are files or lists (K3S_CONFIG, written by Jackson from checked flags; UFW_RULES and
     * EXPECTED_NODES, whose lines their plans check). A NUL, a
     * carriage return or an escape sequence can never reach a node: validation refuses such values first, and
     * reaching this is an internal error.
     */
    static void checkParameter(String key, String value) {
        if (!key.matches("[A-Z_][A-Z0-9_]{0,63}")) {
            throw new IllegalStateException("internal error: step parameter name " + com.honeydue.infra.values.Shown.value(key)
                    + " is not an upper-case shell variable name");
        }
        boolean multiLine = MULTI_LINE.contains(key);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 0x20 && c < 0x7F) || (c == '\n' && multiLine))) {
                throw new IllegalStateException("internal error: step parameter " + key + " holds "
                        + com.honeydue.infra.values.Shown.value(value) + ", which is not printable ASCII"
                        + (multiLine ? "" : " on one line") + "; a config value escaped validation");
            }
        }
    }

    /** The parameters that are lists, one entry per line. */
    static final java.util.Set<String> MULTI_LINE = java.util.Set.of("K3S_CONFIG", "UFW_RULES", "EXPECTED_NODES");

    private static Map<String, String> withStepName(String name, Map<String, String> env) {
        var m = new TreeMap<>(env);
        m.put("STEP_NAME", name);
        return m;
    }

    /** The exact {@code create} string of the remote Command: exports, then the script. */
    public String command() {
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append("export ").append(k).append('=').append(shellQuote(v)).append('\n'));
        return sb.append(script).toString();
    }

    /** The environment as a dotenv-style file, one KEY='value' per line (sourceable by bash). */
    public String envFile() {
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(k).append('=').append(shellQuote(v)).append('\n'));
        return sb.toString();
    }

    /**
     * The inverse of {@link #command()}: splits a remote Command's {@code create} string back into its exported
     * parameters and its script (render writes them as a node step's .env and .sh). The step name is the
     * STEP_NAME parameter. Values are single-quoted with '"'"' for quotes and may span lines.
     *
     * @throws IllegalArgumentException if an export line is not in the form {@link #command()} writes
     */
    public static RemoteStep parse(String command) {
        Map<String, String> env = new TreeMap<>();
        int i = 0;
        while (command.startsWith("export ", i)) {
            int eq = command.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("export without '=' at offset " + i);
            }
            String key = command.substring(i + "export ".length(), eq);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + key + "' is not a shell variable name at offset " + i);
            }
            StringBuilder value = new StringBuilder();
            int p = eq + 1;
            while (true) {
                if (p >= command.length() || command.charAt(p) != '\'') {
                    throw new IllegalArgumentException("value of " + key + " is not single-quoted at offset " + p);
                }
                int close = command.indexOf('\'', p + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated value of " + key);
                }
                value.append(command, p + 1, close);
                p = close + 1;
                if (command.startsWith("\"'\"", p)) { // '"'"' : close, a double-quoted quote, reopen
                    value.append('\'');
                    p += 3;
                } else {
                    break;
                }
            }
            if (p >= command.length() || command.charAt(p) != '\n') {
                throw new IllegalArgumentException("export of " + key + " does not end the line at offset " + p);
            }
            env.put(key, value.toString());
            i = p + 1;
        }
        return new RemoteStep(env.getOrDefault("STEP_NAME", ""), command.substring(i), env);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(command().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shellQuote(String v) {
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    static String resource(String file) {
        try (InputStream in = RemoteStep.class.getResourceAsStream("/scripts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource scripts/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
