package com.honeydue.infra.app;

import com.honeydue.infra.workload.ClusterIpService;
import com.honeydue.infra.workload.DisruptionBudget;
import com.honeydue.infra.workload.HardenedContainer;
import com.honeydue.infra.workload.HardenedDeployment;
import com.honeydue.infra.workload.HardenedPod;
import static com.honeydue.infra.app.PodParts.configEnv;
import static com.honeydue.infra.app.PodParts.plainEnv;
import static com.honeydue.infra.app.PodParts.secretEnv;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's pods: the containers of each {@link WorkloadSpec}, its Deployment and Service, the migration Job, PDBs. */
final class AppWorkloads {
    private final AppOwner owner;

    AppWorkloads(AppOwner owner) {
        this.owner = owner;
    }

    ContainerArgs appContainer(WorkloadSpec spec, AppConfig c) {
        List<EnvVarArgs> env = new ArrayList<>();
        List<VolumeMountArgs> mounts = new ArrayList<>(PodParts.writableMounts(spec.writablePaths()));
        List<EnvFromSourceArgs> envFrom = new ArrayList<>();
        switch (spec.name()) {
            case "api", "worker" -> {
                envFrom.add(EnvFromSourceArgs.builder().configMapRef(ConfigMapEnvSourceArgs.builder()
                        .name(HoneyDueApp.CONFIG_MAP).build()).build());
                appSecretKeys(spec.name()).forEach(k -> env.add(secretEnv(k, k, false)));
                OPTIONAL_SECRET_KEYS.forEach(k -> env.add(secretEnv(k, k, true)));
                mounts.add(VolumeMountArgs.builder().name("apns-key").mountPath(HoneyDueApp.APNS_MOUNT).readOnly(true).build());
            }
            case "web", "admin" -> {
                env.add(plainEnv("NODE_ENV", "production"));
                env.add(plainEnv("PORT", Integer.toString(spec.port())));
                env.add(plainEnv("HOSTNAME", "0.0.0.0"));
                // web: server-side proxy to the api (runbook §1); admin: its server-side routes (seed 003,
                // admin/src/app/api/*). In-cluster, so NetworkPolicy sees the api pods.
                env.add(plainEnv("API_URL", apiUrl()));
            }
            default -> throw new IllegalArgumentException("no container recipe for " + spec.name());
        }
        return container(spec, List.of(), env, envFrom, mounts);
    }

    /** The only way a tag-only image gets here: the loader refuses one unless the stack opts out. */
    private static final String UNPINNED_OPT_OUT = "allowUnpinnedImages: true in this stack's config";

    /** Seed 002: traces are optional, the Deployment must roll without them. */
    static final List<String> OPTIONAL_SECRET_KEYS = List.of("OBS_TRACES_URL", "OBS_INGEST_TOKEN");

    /** The required keys of {@value HoneyDueApp#APP_SECRETS} a workload reads, as env or as a mounted file. */
    static List<String> appSecretKeys(String workload) {
        List<String> common = List.of("POSTGRES_PASSWORD", "SECRET_KEY", "REDIS_PASSWORD", "B2_KEY_ID", "B2_APP_KEY",
                "FCM_SERVER_KEY");
        List<String> keys = new ArrayList<>();
        switch (workload) {
            case "api" -> {
                keys.addAll(common);
                keys.add("ADMIN_PASSWORD"); // the in-app admin login (runbook §5) is the api's
            }
            case "worker" -> {
                keys.addAll(common);
                keys.add("EMAIL_HOST_PASSWORD"); // only the worker sends mail (runbook §1 External dependencies)
            }
            case "redis" -> keys.addAll(List.of("REDIS_PASSWORD", HoneyDueApp.REDIS_CONF_KEY));
            default -> { }
        }
        return keys;
    }

    /** api and worker read the shared ConfigMap (envFrom) and the APNs key file. */
    static boolean readsSharedConfig(String workload) {
        return workload.equals("api") || workload.equals("worker");
    }

    static String apiUrl() {
        return "http://api." + HoneyDueApp.NAMESPACE + ".svc.cluster.local:" + WorkloadPlan.API_PORT;
    }

    /**
     * AOF on; the password comes from redis.conf, a file mounted from the Secret, so neither the manifest nor the
     * process arguments ever hold it. The readiness probe reads it from the environment (REDISCLI_AUTH).
     */
    ContainerArgs redisContainer(WorkloadSpec spec) {
        List<VolumeMountArgs> mounts = new ArrayList<>(PodParts.writableMounts(spec.writablePaths()));
        mounts.add(VolumeMountArgs.builder().name("data").mountPath("/data").build());
        mounts.add(VolumeMountArgs.builder().name("redis-conf").mountPath(RedisConf.MOUNT_DIR).readOnly(true).build());
        return container(spec,
                List.of("redis-server", RedisConf.MOUNT_DIR + "/" + RedisConf.FILE, "--appendonly", "yes", "--dir", "/data",
                        "--port", Integer.toString(spec.port())),
                List.of(secretEnv("REDIS_PASSWORD", "REDIS_PASSWORD", false)), List.of(), mounts);
    }

    private static ContainerArgs container(WorkloadSpec spec, List<String> args, List<EnvVarArgs> env,
                                           List<EnvFromSourceArgs> envFrom, List<VolumeMountArgs> mounts) {
        var b = HardenedContainer.builder(spec.name(), spec.image().toString())
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name(spec.portName()).containerPort(spec.port()).protocol("TCP").build())
                .env(env)
                .volumeMounts(mounts)
                .resources(PodParts.resources(spec.resources()))
                .startupProbe(PodParts.probe(spec.probes().startup()))
                .readinessProbe(PodParts.probe(spec.probes().readiness()))
                .livenessProbe(PodParts.probe(spec.probes().liveness()));
        if (!spec.image().pinned()) {
            b.unpinnedImage(UNPINNED_OPT_OUT);
        }
        if (!args.isEmpty()) {
            b.args(args);
        }
        if (!envFrom.isEmpty()) {
            b.envFrom(envFrom);
        }
        return b.build();
    }

    /**
     * @param hpaManaged an HPA owns the replica count: {@code spec.replicas} is not sent at all. Sent, it would make
     *                   Pulumi (server-side apply) co-own the field with the HPA controller, and the first update
     *                   after a scale-up would conflict or scale back to the configured count. (ignoreChanges does
     *                   not help: it re-sends the value from the previous inputs.) The API server creates the
     *                   Deployment with 1 replica and the HPA raises it to minReplicas (apiReplicas) at once.
     */
    Deployment deployment(WorkloadSpec spec, AppConfig c, ContainerArgs container, List<Resource> deps, boolean hpaManaged) {
        List<VolumeArgs> volumes = new ArrayList<>(PodParts.writableVolumes(spec.writablePaths()));
        Map<String, String> nodeSelector = Map.of();
        switch (spec.name()) {
            case "api", "worker" -> volumes.add(VolumeArgs.builder().name("apns-key").secret(SecretVolumeSourceArgs.builder()
                    .secretName(HoneyDueApp.APNS_SECRET).defaultMode(0440)
                    .items(KeyToPathArgs.builder().key(HoneyDueApp.APNS_KEY_FILE).path(HoneyDueApp.APNS_KEY_FILE).build())
                    .build()).build());
            case "redis" -> {
                volumes.add(VolumeArgs.builder().name("data").persistentVolumeClaim(PersistentVolumeClaimVolumeSourceArgs.builder()
                        .claimName(HoneyDueApp.REDIS_PVC).build()).build());
                volumes.add(VolumeArgs.builder().name("redis-conf").secret(SecretVolumeSourceArgs.builder()
                        .secretName(HoneyDueApp.APP_SECRETS).defaultMode(0440)
                        .items(KeyToPathArgs.builder().key(HoneyDueApp.REDIS_CONF_KEY).path(RedisConf.FILE).build()).build()).build());
                nodeSelector = Map.of(com.honeydue.infra.cluster.ClusterConfig.REDIS_LABEL, "true");
            }
            default -> { }
        }
        var pod = HardenedPod.builder(spec.name())
                .imagePullSecret(HoneyDueApp.PULL_SECRET)
                .runAs((int) spec.runAsUser(), (int) spec.runAsGroup())
                .containers(container)
                .volumes(volumes);
        if (!nodeSelector.isEmpty()) {
            pod.nodeSelector(nodeSelector);
        }
        var podMeta = ObjectMetaArgs.builder().labels(PodParts.labels(spec.name(), spec.component()));
        if (spec.scrapeMetrics() || readsSharedConfig(spec.name()) || !appSecretKeys(spec.name()).isEmpty()) {
            podMeta.annotations(PodConfigHash.forWorkload(spec, c));
        }
        var deployment = HardenedDeployment.builder(Map.of(NetworkPolicyPlan.NAME_LABEL, spec.name()), podMeta.build(), pod)
                .revisionHistoryLimit(5);
        if (hpaManaged) {
            deployment.scaledByHpa();
        } else {
            deployment.replicas(spec.replicas());
        }
        spec.recreateBecause().ifPresentOrElse(deployment::recreate, deployment::rollingWithoutDowntime);
        var args = deployment.args(PodParts.meta(spec.name(), spec.component()));
        return new Deployment(spec.name(), args, owner.opts(deps));
    }

    /**
     * goose up against the DIRECT Neon endpoint (the pooler runs in transaction mode and breaks goose's session
     * lock). Named after the image digest, so a new image is a new Job that runs once; the provider waits for it
     * to complete and fails the update if it does not.
     */
    Job migrationJob(AppConfig c, List<Resource> deps) {
        ImageReference image = c.images().migrate();
        String name = NetworkPolicyPlan.MIGRATE_NAME + "-" + image.shortId();
        List<EnvVarArgs> env = new ArrayList<>();
        env.add(configEnv("DB_DIRECT_HOST"));
        env.add(configEnv("DB_PORT"));
        env.add(configEnv("DB_NAME"));
        env.add(configEnv("DB_USER"));
        env.add(configEnv("DB_SSLMODE"));
        env.add(secretEnv("POSTGRES_PASSWORD", "POSTGRES_PASSWORD", false));
        env.add(plainEnv("GOOSE_DRIVER", "postgres"));
        env.add(plainEnv("GOOSE_MIGRATION_DIR", c.migrationsDir()));
        // $(VAR) is expanded by the kubelet from the variables above; the password never appears in the spec.
        env.add(plainEnv("GOOSE_DBSTRING", "host=$(DB_DIRECT_HOST) port=$(DB_PORT) dbname=$(DB_NAME) user=$(DB_USER) "
                + "password=$(POSTGRES_PASSWORD) sslmode=$(DB_SSLMODE)"));
        List<String> writable = List.of("/tmp");
        var goose = HardenedContainer.builder("goose", image.toString());
        if (!image.pinned()) {
            goose.unpinnedImage(UNPINNED_OPT_OUT);
        }
        var container = goose
                .imagePullPolicy("IfNotPresent")
                .command("goose", "up")
                .env(env)
                .volumeMounts(PodParts.writableMounts(writable))
                .resources(PodParts.resources(WorkloadPlan.MIGRATE_RESOURCES))
                .withoutProbes("runs to completion; the Job's deadline and backoff bound it")
                .build();
        return new Job(name, JobArgs.builder()
                .metadata(PodParts.meta(name, "migration"))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(2)
                        .activeDeadlineSeconds(900)
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(PodParts.labels(NetworkPolicyPlan.MIGRATE_NAME, "migration")).build())
                                .spec(HardenedPod.builder("api")
                                        .restartPolicy("Never")
                                        .imagePullSecret(HoneyDueApp.PULL_SECRET)
                                        .runAs((int) WorkloadPlan.GO_UID, (int) WorkloadPlan.GO_UID)
                                        .containers(container)
                                        .volumes(PodParts.writableVolumes(writable))
                                        .build())
                                .build())
                        .build())
                .build(), owner.builder(deps).deleteBeforeReplace(true).build());
    }

    Resource service(String name, WorkloadSpec spec, Deployment target) {
        return new com.pulumi.kubernetes.core.v1.Service(name, ClusterIpService.args(PodParts.meta(name, spec.component()),
                Map.of(NetworkPolicyPlan.NAME_LABEL, name), spec.portName(), spec.port()), owner.opts(List.of(target)));
    }

    /** {@code maxUnavailable} for a replicated workload; {@code minAvailable} (0) for one that may stop entirely. */
    void pdb(String name, String app, Optional<Integer> maxUnavailable, Optional<Integer> minAvailable, Deployment target) {
        var selector = Map.of(NetworkPolicyPlan.NAME_LABEL, app);
        var args = maxUnavailable.isPresent()
                ? DisruptionBudget.maxUnavailable(PodParts.meta(name, app), selector, maxUnavailable.get())
                : DisruptionBudget.minAvailable(PodParts.meta(name, app), selector, minAvailable.orElseThrow());
        new PodDisruptionBudget(name, args, owner.opts(List.of(target)));
    }
}
