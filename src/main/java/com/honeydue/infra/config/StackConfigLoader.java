package com.honeydue.infra.config;

/** Loads every section of a stack's config and reports all problems together, before any resource exists. */
public final class StackConfigLoader {
    private StackConfigLoader() {}

    public static StackConfig load(ConfigSchema schema, RawConfig raw) {
        ConfigReader r = new ConfigReader(schema, raw);
        ClusterConfig cluster = ClusterConfigLoader.load(r);
        ObservabilityConfig observability = ObservabilityConfigLoader.load(r);
        EdgeConfig edge = EdgeConfigLoader.load(r, cluster, raw.placeholdersForMissingSecrets());
        r.throwIfProblems();
        return new StackConfig(ConfigKeys.PROJECT, raw.stack(), cluster, observability, edge);
    }
}
