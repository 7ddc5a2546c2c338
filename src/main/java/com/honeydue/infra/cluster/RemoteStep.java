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
        return new RemoteStep(name, resource("lib.sh") + "\n" + resource(scriptFile), withStepName(name, env));
    }

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
