package com.honeydue.infra.app;

import com.honeydue.infra.values.Secret;
import java.util.List;
import java.util.Optional;

/** The app layer's typed config (runbook §1 Application stack and External dependencies, §5 secrets). */
public record AppConfig(
        Images images,
        int apiReplicas,
        int apiMaxReplicas,
        int webReplicas,
        int adminReplicas,
        int workerReplicas,
        List<IngressRoute> routes,
        Database database,
        String migrationsDir,
        String b2Endpoint,
        String b2Bucket,
        String smtpHost,
        int smtpPort,
        String smtpUser,
        boolean featurePushEnabled,
        Optional<Apns> apns,
        String adminEmail,
        String otelTracesSamplerArg,
        Registry registry,
        AppSecrets secrets,
        String adminBasicAuthUser,
        String redisStorageSize,
        SmokeCheck smokeCheck,
        Optional<String> kyvernoPublicKey,
        String stack) {

    /** Every image the app runs; migrations run from the api image (it ships goose and migrations/). */
    public record Images(ImageReference api, ImageReference web, ImageReference admin, ImageReference worker,
                         ImageReference redis) {
        public ImageReference migrate() {
            return api;
        }
    }

    /** The APNs identifiers the api needs while push is on (the key itself is the secret apnsAuthKey). */
    public record Apns(String keyId, String teamId, String topic, String environment) {}

    public record Database(String poolerHost, String directHost, int port, String name, String user, String sslMode) {}

    public record Registry(String server, String user, Secret token) {}

    public record AppSecrets(Secret postgresPassword, Secret appSecretKey, Secret smtpPassword, Secret fcmServerKey,
                             Secret b2KeyId, Secret b2ApplicationKey, Secret redisPassword,
                             Optional<Secret> obsIngestToken, Optional<Secret> obsTracesUrl, Secret apnsAuthKey,
                             Secret adminBasicAuthPassword, Secret adminPassword) {}

    public record SmokeCheck(boolean enabled, String host, int attempts, int delaySeconds) {}

    public boolean kyvernoVerifyImages() {
        return kyvernoPublicKey.isPresent();
    }
}
