package com.honeydue.infra.app;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 02-setup-secrets.sh as resources: the app's Secrets, every value from secret config and a secret Output end to
 * end, and the ConfigMap of non-secret settings every Go process shares.
 */
final class AppConfiguration {
    private final AppOwner owner;

    AppConfiguration(AppOwner owner) {
        this.owner = owner;
    }

    List<Resource> secrets(AppConfig c, List<Resource> deps) {
        var s = c.secrets();
        Map<String, Output<String>> app = appSecretData(c);
        String user = c.registry().user();
        String server = c.registry().server();
        return List.of(
                secret(HoneyDueApp.APP_SECRETS, "Opaque", app, deps),
                secret(HoneyDueApp.APNS_SECRET, "Opaque", Map.of(HoneyDueApp.APNS_KEY_FILE, s.apnsAuthKey().output()), deps),
                secret(HoneyDueApp.PULL_SECRET, "kubernetes.io/dockerconfigjson",
                        Map.of(".dockerconfigjson", c.registry().token().derive(t -> DockerConfigJson.of(server, user, t))), deps),
                secret(IngressPlan.ADMIN_BASIC_AUTH, "Opaque", Map.of("users", basicAuthUsers(c)), deps));
    }

    /** The data of {@value HoneyDueApp#APP_SECRETS}, key by key, each a secret Output. */
    static Map<String, Output<String>> appSecretData(AppConfig c) {
        var s = c.secrets();
        Map<String, Output<String>> app = new LinkedHashMap<>();
        app.put("POSTGRES_PASSWORD", s.postgresPassword().output());
        app.put("SECRET_KEY", s.appSecretKey().output());
        app.put("EMAIL_HOST_PASSWORD", s.smtpPassword().output());
        app.put("FCM_SERVER_KEY", s.fcmServerKey().output());
        app.put("B2_KEY_ID", s.b2KeyId().output());
        app.put("B2_APP_KEY", s.b2ApplicationKey().output());
        app.put("REDIS_PASSWORD", s.redisPassword().output());
        app.put("ADMIN_PASSWORD", s.adminPassword().output());
        // Redis reads its password from this file, so it is never in the redis-server command line (ps, /proc).
        app.put(HoneyDueApp.REDIS_CONF_KEY, s.redisPassword().derive(RedisConf::render));
        s.obsIngestToken().ifPresent(v -> app.put("OBS_INGEST_TOKEN", v.output()));
        s.obsTracesUrl().ifPresent(v -> app.put("OBS_TRACES_URL", v.output()));
        return app;
    }

    /** One bcrypt htpasswd line, computed inside apply from two secrets, and itself a secret. */
    private static Output<String> basicAuthUsers(AppConfig c) {
        var s = c.secrets();
        String user = c.adminBasicAuthUser();
        String stack = c.stack();
        return Output.tuple(s.adminBasicAuthPassword().output(), s.appSecretKey().output())
                .applyValue(t -> Htpasswd.line(user, t.t1, t.t2, stack)).asSecret();
    }

    private Resource secret(String name, String type, Map<String, Output<String>> values, List<Resource> deps) {
        List<String> keys = List.copyOf(values.keySet());
        Output<Map<String, String>> data = Output.all(keys.stream().map(values::get).toList()).applyValue(vals -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), vals.get(i));
            }
            return m;
        }).asSecret();
        return new com.pulumi.kubernetes.core.v1.Secret(name, com.pulumi.kubernetes.core.v1.SecretArgs.builder()
                .metadata(PodParts.meta(name, "config"))
                .type(type)
                .data(com.honeydue.infra.k8s.SecretData.of(data))
                .build(), owner.opts(deps));
    }

    /** The non-secret environment every Go process shares (runbook §1 External dependencies, seed 002). */
    static Map<String, String> configData(AppConfig c) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("DB_HOST", c.database().poolerHost());
        d.put("DB_DIRECT_HOST", c.database().directHost());
        d.put("DB_PORT", Integer.toString(c.database().port()));
        d.put("DB_NAME", c.database().name());
        d.put("DB_USER", c.database().user());
        d.put("DB_SSLMODE", c.database().sslMode());
        d.put("REDIS_HOST", "redis");
        d.put("REDIS_PORT", Integer.toString(WorkloadPlan.REDIS_PORT));
        d.put("B2_ENDPOINT", c.b2Endpoint());
        d.put("B2_BUCKET", c.b2Bucket());
        d.put("EMAIL_HOST", c.smtpHost());
        d.put("EMAIL_PORT", Integer.toString(c.smtpPort()));
        d.put("EMAIL_HOST_USER", c.smtpUser());
        d.put("FEATURE_PUSH_ENABLED", Boolean.toString(c.featurePushEnabled()));
        c.apns().ifPresent(a -> {
            d.put("APNS_KEY_ID", a.keyId());
            d.put("APNS_TEAM_ID", a.teamId());
            d.put("APNS_TOPIC", a.topic());
            d.put("APNS_ENVIRONMENT", a.environment());
        });
        d.put("ADMIN_EMAIL", c.adminEmail());
        d.put("OTEL_TRACES_SAMPLER_ARG", c.otelTracesSamplerArg());
        d.put("APNS_AUTH_KEY_PATH", HoneyDueApp.APNS_MOUNT + "/" + HoneyDueApp.APNS_KEY_FILE);
        return d;
    }

    Resource configMap(AppConfig c, List<Resource> deps) {
        return new ConfigMap(HoneyDueApp.CONFIG_MAP, ConfigMapArgs.builder()
                .metadata(PodParts.meta(HoneyDueApp.CONFIG_MAP, "config")).data(configData(c)).build(), owner.opts(deps));
    }
}
