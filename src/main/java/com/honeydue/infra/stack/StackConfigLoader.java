package com.honeydue.infra.stack;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.config.ConfigKeys;
import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.edge.EdgeConfig;
import com.honeydue.infra.observability.ObservabilityConfig;
import com.honeydue.infra.values.Shown;
import com.honeydue.infra.app.AppConfig;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Loads every section of a stack's config and reports all problems together, before any resource exists. */
public final class StackConfigLoader {
    private StackConfigLoader() {}

    public static StackConfig load(ConfigSchema schema, RawConfig raw) {
        return load(schema, raw, warning -> { });
    }

    /**
     * @param warnings receives what the engine accepts but is likely a mistake (a key of a foreign namespace...),
     *                 before any problem ends the load
     */
    public static StackConfig load(ConfigSchema schema, RawConfig raw, Consumer<String> warnings) {
        ConfigReader r = new ConfigReader(schema, raw);
        ClusterConfig cluster = ClusterConfigLoader.load(r);
        AppConfig app = AppConfigLoader.load(r);
        ObservabilityConfig observability = ObservabilityConfigLoader.load(r);
        EdgeConfig edge = EdgeConfigLoader.load(r, cluster, raw.placeholdersForMissingSecrets());
        Optional<String> peerStack = peerStack(r);
        r.warnings().forEach(warnings);
        r.throwIfProblems();
        return new StackConfig(ConfigKeys.PROJECT, raw.stack(), cluster, app, observability, edge, peerStack);
    }

    private static Optional<String> peerStack(ConfigReader r) {
        String peer = r.string("peerStack");
        if (peer.isEmpty()) {
            return Optional.empty();
        }
        if (!Pattern.matches("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,2}$", peer)) {
            r.problem("peerStack", Shown.value(peer) + " is not a stack reference; expected <stack>, <org>/<project>/<stack> "
                    + "or <project>/<stack>, e.g. organization/honeydue-infra/prod");
            return Optional.empty();
        }
        if (peer.equals(r.stack()) || peer.endsWith("/" + r.stack())) {
            r.problem("peerStack", "names this stack itself; expected the OTHER stack of the cutover");
        }
        return Optional.of(peer);
    }
}
