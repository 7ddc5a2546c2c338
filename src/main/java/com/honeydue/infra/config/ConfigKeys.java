package com.honeydue.infra.config;

/** The project's config namespace: every key lives under {@code honeydue-infra:}. */
public final class ConfigKeys {
    public static final String PROJECT = "honeydue-infra";

    private ConfigKeys() {}

    public static String qualified(String key) {
        return key.contains(":") ? key : PROJECT + ":" + key;
    }

    /** The namespace of a qualified key ({@code kubernetes} for {@code kubernetes:context}); "" for a bare name. */
    public static String namespace(String qualifiedKey) {
        int colon = qualifiedKey.indexOf(':');
        return colon < 0 ? "" : qualifiedKey.substring(0, colon);
    }

    /** Strips the project namespace; returns null for keys of another namespace (e.g. {@code kubernetes:}). */
    public static String local(String qualifiedKey) {
        int colon = qualifiedKey.indexOf(':');
        if (colon < 0) {
            return qualifiedKey;
        }
        return qualifiedKey.substring(0, colon).equals(PROJECT) ? qualifiedKey.substring(colon + 1) : null;
    }
}
