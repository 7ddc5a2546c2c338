package com.honeydue.infra.stack;

import com.honeydue.infra.app.AppConfig;
import com.honeydue.infra.app.ImageReference;
import com.honeydue.infra.app.IngressRoute;
import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.values.Secret;
import com.honeydue.infra.values.Shown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the app keys; every problem names its key and the expected form. */
public final class AppConfigLoader {
    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern QUANTITY = Pattern.compile("^[1-9]\\d*(Mi|Gi|Ti)$");
    private static final Pattern PG_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_$-]{0,62}$");
    private static final Pattern USER = Pattern.compile("^[^\\s:]{1,254}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,63}$");
    private static final Pattern APPLE_ID = Pattern.compile("^[A-Z0-9]{10}$");
    private static final Pattern BUNDLE_ID = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private AppConfigLoader() {}

    public static AppConfig load(ConfigReader r) {
        boolean allowUnpinned = r.bool("allowUnpinnedImages");
        var images = new AppConfig.Images(image(r, "apiImage", allowUnpinned), image(r, "webImage", allowUnpinned),
                image(r, "adminImage", allowUnpinned), image(r, "workerImage", allowUnpinned),
                image(r, "redisImage", allowUnpinned));

        int apiReplicas = r.integer("apiReplicas", 1, 50);
        int apiMax = r.integer("apiMaxReplicas", 1, 100);
        if (apiMax < apiReplicas && !r.hasProblemFor("apiMaxReplicas")) {
            r.problem("apiMaxReplicas", apiMax + " is below apiReplicas " + apiReplicas + "; expected at least apiReplicas (the HPA minimum)");
        }
        int webReplicas = r.integer("webReplicas", 1, 50);
        int adminReplicas = r.integer("adminReplicas", 1, 10);
        int workerReplicas = workerReplicas(r);

        List<IngressRoute> routes = routes(r);
        var db = new AppConfig.Database(host(r, "postgresPoolerHost"), host(r, "postgresDirectHost"),
                r.integer("postgresPort", 1, 65535), r.string("postgresDatabase", PG_NAME, "a Postgres identifier like honeyDue"),
                r.string("postgresUser", PG_NAME, "a Postgres role name like neondb_owner"),
                r.oneOf("postgresSslMode", List.of("require", "verify-ca", "verify-full")));
        if (!r.hasProblemFor("postgresPoolerHost") && !r.hasProblemFor("postgresDirectHost")
                && db.directHost().equals(db.poolerHost())) {
            r.problem("postgresDirectHost", "equals postgresPoolerHost; goose must run against the direct (non -pooler) "
                    + "endpoint, e.g. ep-floral-truth-amttbc5a.c-5.us-east-1.aws.neon.tech (runbook §7 Migrations)");
        } else if (db.directHost().contains("-pooler.")) {
            r.problem("postgresDirectHost", Shown.value(db.directHost()) + " is a pooler endpoint; expected the direct compute host "
                    + "(without -pooler), because migrations need session-level locks");
        }

        String migrationsDir = r.string("migrationsDir", Pattern.compile("^/[A-Za-z0-9._/-]*$"),
                "an absolute directory inside the api image, e.g. /app/migrations");
        String b2Endpoint = host(r, "b2Endpoint");
        String b2Bucket = r.string("b2Bucket", Pattern.compile("^[A-Za-z0-9-]{6,63}$"), "a B2 bucket name like honeyDueProd");
        String smtpHost = host(r, "smtpHost");
        int smtpPort = r.integer("smtpPort", 1, 65535);
        String smtpUser = requiredOnline(r, "smtpUser", USER, "the SMTP login user (EMAIL_HOST_USER), e.g. the Fastmail "
                + "account the app password belongs to", "the worker cannot log in to " + smtpHost + " without it");
        boolean push = r.bool("featurePushEnabled");
        Optional<AppConfig.Apns> apns = apns(r, push);
        String adminEmail = requiredOnline(r, "adminEmail", EMAIL, "the in-app admin login e-mail (runbook §5 ADMIN_EMAIL)",
                "the api's admin login needs it");
        String sampler = r.string("otelTracesSamplerArg");
        if (!r.hasProblemFor("otelTracesSamplerArg") && !isRatio(sampler)) {
            r.problem("otelTracesSamplerArg", Shown.value(sampler) + " is not a ratio; expected a number between 0 and 1 such as 0.1");
        }

        var registry = new AppConfig.Registry(host(r, "registryServer"),
                r.string("registryUser", Pattern.compile("^[A-Za-z0-9._-]{1,64}$"), "a registry user name"),
                required(r, "registryToken"));
        var secrets = new AppConfig.AppSecrets(required(r, "postgresPassword"), required(r, "appSecretKey"),
                required(r, "smtpPassword"), required(r, "fcmServerKey"), required(r, "b2KeyId"),
                required(r, "b2ApplicationKey"), required(r, "redisPassword"),
                r.secret("obsIngestToken", false), r.secret("obsTracesUrl", false), required(r, "apnsAuthKey"),
                required(r, "adminBasicAuthPassword"), required(r, "adminPassword"));
        String basicAuthUser = r.string("adminBasicAuthUser", Pattern.compile("^[A-Za-z0-9._-]{1,64}$"),
                "a user name without ':' or spaces");
        String storage = r.string("redisStorageSize", QUANTITY, "a size in Mi, Gi or Ti such as 5Gi");

        var smoke = new AppConfig.SmokeCheck(r.bool("smokeCheckEnabled"), host(r, "smokeCheckHost"),
                r.integer("smokeCheckAttempts", 1, 200), r.integer("smokeCheckDelaySeconds", 1, 300));
        if (smoke.enabled() && !r.hasProblemFor("ingressRoutes") && !r.hasProblemFor("smokeCheckHost")
                && routes.stream().noneMatch(rt -> rt.host().equals(smoke.host()) && rt.service().equals("api"))) {
            r.problem("smokeCheckHost", Shown.value(smoke.host()) + " is not routed to api in ingressRoutes; expected one of "
                    + routes.stream().filter(rt -> rt.service().equals("api")).map(IngressRoute::host).toList()
                    + " or smokeCheckEnabled: false");
        }

        Optional<String> kyvernoKey = Optional.empty();
        if (r.bool("kyvernoVerifyImages")) {
            String key = r.string("kyvernoPublicKey").trim();
            if (!key.startsWith("-----BEGIN PUBLIC KEY-----") || !key.endsWith("-----END PUBLIC KEY-----")) {
                r.problem("kyvernoPublicKey", "must be the cosign public key in PEM (-----BEGIN PUBLIC KEY----- …) "
                        + "when kyvernoVerifyImages is true");
            } else {
                kyvernoKey = Optional.of(key);
            }
        }
        if (r.bool("kratosEnabled")) {
            r.problem("kratosEnabled", "true is not supported by this program yet: Ory Kratos needs its own database, "
                    + "auth.myhoneydue.com DNS and real OIDC clients (runbook §11); expected false");
        }

        return new AppConfig(images, apiReplicas, apiMax, webReplicas, adminReplicas, workerReplicas, routes, db, migrationsDir,
                b2Endpoint, b2Bucket, smtpHost, smtpPort, smtpUser, push, apns, adminEmail, sampler, registry, secrets, basicAuthUser,
                storage, smoke, kyvernoKey, r.stack());
    }

    /**
     * A value the seeds do not carry, so the committed stacks leave it empty: an offline render shows a
     * placeholder, a real preview/up refuses to go on without it (like cloudflareZoneId and the image digests).
     */
    private static String requiredOnline(ConfigReader r, String key, Pattern form, String what, String why) {
        String v = r.string(key).trim();
        if (r.hasProblemFor(key)) {
            return v;
        }
        if (v.isEmpty()) {
            if (r.offline()) {
                return com.honeydue.infra.config.RawConfig.placeholderFor(key);
            }
            r.problem(key, "is required but not set; expected " + what + "; " + why + " (pulumi config set " + key + " <value>)");
        } else if (!form.matcher(v).matches()) {
            r.problem(key, Shown.value(v) + " is not valid; expected " + what);
        }
        return v;
    }

    /** APNs identifiers: required while push is on, so a stack cannot enable push without them. */
    private static Optional<AppConfig.Apns> apns(ConfigReader r, boolean push) {
        String environment = r.oneOf("apnsEnvironment", List.of("production", "development"));
        if (!push) {
            return Optional.empty();
        }
        String because = "featurePushEnabled is true and the api signs its APNs requests with it";
        return Optional.of(new AppConfig.Apns(
                requiredOnline(r, "apnsKeyId", APPLE_ID, "the 10-character Key ID of apnsAuthKey (Apple Developer, Keys)", because),
                requiredOnline(r, "apnsTeamId", APPLE_ID, "the 10-character Apple Developer Team ID that owns apnsAuthKey", because),
                requiredOnline(r, "apnsTopic", BUNDLE_ID, "the iOS app's bundle id, e.g. com.example.honeydue", because),
                environment));
    }

    /** Runbook §9.7: the worker runs the Asynq scheduler, so a second copy fires every cron twice. */
    private static int workerReplicas(ConfigReader r) {
        int n = r.integer("workerReplicas", 0, Integer.MAX_VALUE);
        if (n > 1) {
            r.problem("workerReplicas", n + " is not allowed; expected 0 or 1: the worker runs the Asynq scheduler and "
                    + "every extra replica fires each cron again (runbook §9.7). Use workerActive: false for cutovers");
            n = 1;
        }
        return r.bool("workerActive") ? n : 0;
    }

    private static ImageReference image(ConfigReader r, String key, boolean allowUnpinned) {
        String raw = r.string(key);
        if (r.hasProblemFor(key)) {
            return ImageReference.parse("invalid");
        }
        try {
            ImageReference ref = ImageReference.parse(raw);
            if (!ref.pinned() && !allowUnpinned) {
                r.problem(key, Shown.value(raw) + " is not pinned by digest; expected " + ImageReference.FORM
                        + " (or allowUnpinnedImages: true on a test stack)");
            }
            // The committed stacks carry the runbook's digest prefixes padded with zeros: fine to render, never to
            // deploy (the pull would fail mid-rollout, after the migration Job was already created).
            if (!r.offline() && ref.digest().filter(d -> d.endsWith("0".repeat(40))).isPresent()) {
                r.problem(key, Shown.value(raw) + " carries a placeholder digest (a runbook prefix padded with zeros); "
                        + "expected the image's full digest, e.g. from `crane digest " + ref.repository() + ":<tag>`");
            }
            return ref;
        } catch (IllegalArgumentException e) {
            r.problem(key, e.getMessage());
            return ImageReference.parse("invalid");
        }
    }

    private static List<IngressRoute> routes(ConfigReader r) {
        List<ConfigReader.Item> raw = r.items("ingressRoutes");
        List<IngressRoute> out = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (ConfigReader.Item item : raw) {
            try {
                IngressRoute route = IngressRoute.parse(item.value());
                if (!hosts.add(route.host())) {
                    r.problem(item.key("ingressRoutes"), "host '" + route.host() + "' is listed twice; expected each host once");
                } else {
                    out.add(route);
                }
            } catch (IllegalArgumentException e) {
                r.problem(item.key("ingressRoutes"), e.getMessage());
            }
        }
        if (raw.isEmpty() && !r.hasProblemFor("ingressRoutes")) {
            r.problem("ingressRoutes", "is empty; expected at least one " + IngressRoute.FORM);
        }
        return out;
    }

    private static String host(ConfigReader r, String key) {
        return r.string(key, HOST, "a lower-case DNS host name without scheme or port");
    }

    private static Secret required(ConfigReader r, String key) {
        return r.secret(key, true).orElse(Secret.of(""));
    }

    static boolean isRatio(String s) {
        try {
            double d = Double.parseDouble(s);
            return d >= 0 && d <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
