package com.honeydue.infra.app;

import com.honeydue.infra.config.NodeSpec;
import com.honeydue.infra.cluster.NodeConnection;
import com.honeydue.infra.cluster.RemoteStep;
import com.pulumi.command.remote.Command;
import com.pulumi.command.remote.CommandArgs;
import com.pulumi.command.remote.enums.Logging;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apiextensions.CustomResource;
import com.pulumi.kubernetes.apiextensions.CustomResourceArgs;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.LocalObjectReferenceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyEgressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The honeyDue application in namespace {@code honeydue} (runbook §1 Application stack), replacing
 * deploy-k3s/manifests, 02-setup-secrets.sh and 03-deploy.sh. Order follows §6.9, with the §9.1 fix: namespace →
 * ServiceAccounts, Secrets, ConfigMap, NetworkPolicies → Redis → migration Job → api/worker → web/admin →
 * Services, PDBs, HPA → middlewares and Ingresses → smoke check. Every Deployment depends on its ServiceAccount.
 */
public final class HoneyDueApp extends ComponentResource {
    public static final String TYPE = "honeydue:app:HoneyDueApp";
    public static final String NAMESPACE = "honeydue";
    public static final String APP_SECRETS = "honeydue-secrets";
    public static final String APNS_SECRET = "honeydue-apns-key";
    /** Key of honeydue-secrets holding the Redis config with the password (mounted into the Redis pod only). */
    public static final String REDIS_CONF_KEY = "redis.conf";
    public static final String APNS_KEY_FILE = "apns_auth_key.p8";
    public static final String APNS_MOUNT = "/secrets/apns";
    public static final String PULL_SECRET = "gitea-credentials";
    public static final String CONFIG_MAP = "honeydue-config";
    public static final String REDIS_PVC = "redis-data";
    public static final List<String> SERVICE_ACCOUNTS = List.of("api", "worker", "admin", "web", "redis");

    private final Provider provider;
    private final Namespace namespace;
    private final Map<String, ServiceAccount> serviceAccounts = new LinkedHashMap<>();
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final List<Ingress> ingresses = new ArrayList<>();
    private final List<String> smokeTestCommands;
    private final List<Resource> smokeChecks = new ArrayList<>();

    public HoneyDueApp(String name, HoneyDueAppArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.provider = args.provider();
        AppConfig c = args.config();
        List<String> nodeIpv4s = args.cluster().nodes().stream().map(NodeSpec::ipv4).toList();

        this.namespace = new com.pulumi.kubernetes.core.v1.Namespace(NAMESPACE, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE).labels(namespaceLabels(args.podSecurityEnforce())).build())
                .build(), opts(List.of()));
        List<Resource> inNamespace = List.of(namespace);

        // ServiceAccounts are part of every deploy (runbook §9.1: rbac.yaml was bootstrap-only and pods never started).
        for (String sa : SERVICE_ACCOUNTS) {
            serviceAccounts.put(sa, new ServiceAccount(sa, ServiceAccountArgs.builder()
                    .metadata(meta(sa, sa))
                    .automountServiceAccountToken(false)
                    .build(), opts(inNamespace)));
        }

        List<Resource> configuration = new ArrayList<>(secrets(c, inNamespace));
        configuration.add(configMap(c, inNamespace));
        List<Resource> policies = networkPolicies(args, inNamespace);

        // Pods start only once their configuration and network allowances exist (§6.9: policies before workloads).
        List<Resource> podPrereqs = new ArrayList<>(configuration);
        podPrereqs.addAll(policies);

        var specs = WorkloadPlan.deployments(c);
        WorkloadSpec redisSpec = find(specs, "redis");
        var pvc = new PersistentVolumeClaim(REDIS_PVC, PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(REDIS_PVC).namespace(NAMESPACE).labels(labels(REDIS_PVC, "cache"))
                        // local-path binds on first consumer; awaiting "Bound" here would deadlock with the Deployment.
                        .annotations(Map.of("pulumi.com/skipAwait", "true")).build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteOnce")
                        .storageClassName("local-path")
                        .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", c.redisStorageSize())).build())
                        .build())
                .build(), opts(inNamespace));
        List<Resource> redisDeps = new ArrayList<>(podPrereqs);
        redisDeps.add(serviceAccounts.get("redis"));
        redisDeps.add(pvc);
        redisDeps.addAll(args.nodeLabels()); // nodeSelector honeydue/redis=true must match a labelled node
        Deployment redis = deployment(redisSpec, redisContainer(redisSpec, c), redisDeps, false);
        var redisService = service("redis", redisSpec, redis);

        Job migrate = migrationJob(c, concat(podPrereqs, List.of(serviceAccounts.get("api"))));

        for (WorkloadSpec spec : specs) {
            if (spec.name().equals("redis")) {
                continue;
            }
            List<Resource> deps = new ArrayList<>(podPrereqs);
            deps.add(serviceAccounts.get(spec.name()));
            if (spec.name().equals("api") || spec.name().equals("worker")) {
                deps.add(migrate); // the provider awaits the Job: a failed migration stops the rollout
                deps.add(redisService);
            }
            deployment(spec, appContainer(spec, c), deps, spec.name().equals("api"));
        }
        List<Resource> services = new ArrayList<>(List.of(redisService));
        for (String svc : List.of("api", "web", "admin")) {
            services.add(service(svc, find(specs, svc), deployments.get(svc)));
        }

        new HorizontalPodAutoscaler("api", HorizontalPodAutoscalerArgs.builder()
                .metadata(meta("api", "api"))
                .spec(HorizontalPodAutoscalerSpecArgs.builder()
                        .scaleTargetRef(CrossVersionObjectReferenceArgs.builder().apiVersion("apps/v1").kind("Deployment").name("api").build())
                        .minReplicas(c.apiReplicas())
                        .maxReplicas(c.apiMaxReplicas())
                        .metrics(MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder()
                                .name("cpu").target(MetricTargetArgs.builder().type("Utilization").averageUtilization(70).build())
                                .build()).build())
                        .build())
                .build(), opts(List.of(deployments.get("api"))));

        // Runbook §6.7: the PDBs were bootstrap-only; here they are part of every deploy.
        pdb("api-pdb", "api", Optional.of(1), Optional.empty());
        pdb("web-pdb", "web", Optional.of(1), Optional.empty());
        pdb("worker-pdb", "worker", Optional.empty(), Optional.of(0)); // singleton: a drain must be able to evict it

        List<Resource> routing = new ArrayList<>(services);
        routing.addAll(middlewares(args, inNamespace));
        Optional<CustomResource> traefikConfig = traefikHelmChartConfig(args);
        traefikConfig.ifPresent(routing::add);
        // The exempt /api/health/ route exists whenever the smoke-check host is an api host (§6.10 diagnostics).
        Optional<String> healthHost = c.routes().stream()
                .filter(r -> r.host().equals(c.smokeCheck().host()) && r.service().equals("api"))
                .map(IngressRoute::host).findFirst();
        for (var spec : IngressPlan.plan(c.routes(), !args.cloudflareAllowList().isEmpty(), args.originTls(), healthHost)) {
            ingresses.add(ingress(spec, routing));
        }

        c.kyvernoPublicKey().ifPresent(key -> new CustomResource(KyvernoPolicyPlan.NAME, CustomResourceArgs.builder()
                .apiVersion("kyverno.io/v1").kind("ClusterPolicy")
                .metadata(ObjectMetaArgs.builder().name(KyvernoPolicyPlan.NAME).labels(partOf()).build())
                .otherFields(Map.of("spec", KyvernoPolicyPlan.spec(NAMESPACE, c.registry().server(), key)))
                .build(), opts(inNamespace)));

        this.smokeTestCommands = SmokeCheckPlan.commands(args.cluster().sshUser(), nodeIpv4s, c.smokeCheck().host());
        if (c.smokeCheck().enabled()) {
            // Runbook §6.10's external check, run on each node against its own public IP: it exercises the same
            // path as Cloudflare's requests (svclb or hostNetwork Traefik, Ingress, api) and still works when the
            // Cloudflare allow-list keeps every other source out.
            for (NodeSpec node : args.cluster().nodes()) {
                RemoteStep step = RemoteStep.of("smoke-check", SmokeCheckPlan.SCRIPT,
                        SmokeCheckPlan.environment(node.ipv4(), c.smokeCheck()));
                smokeChecks.add(new Command(node.alias() + "-smoke-check", CommandArgs.builder()
                        .connection(NodeConnection.of(args.cluster(), node))
                        .create(step.command())
                        // Re-run whenever what serves the request changes.
                        .triggers(c.images().api().toString(), node.ipv4(), c.smokeCheck().host())
                        .logging(Logging.StdoutAndStderr)
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(readyResources()).build()));
            }
        }

        registerOutputs(Map.of("namespace", Output.of(NAMESPACE), "smokeTestCommands", Output.of(smokeTestCommands)));
    }

    // ------------------------------------------------------------------ accessors

    public Namespace namespace() {
        return namespace;
    }

    /** What edge DNS records should wait for: the Deployments and Ingresses. */
    public List<Resource> readyResources() {
        List<Resource> out = new ArrayList<>(deployments.values());
        out.addAll(ingresses);
        return List.copyOf(out);
    }

    /** §6.10's direct-IP checks, one curl per node; each prints {@code <ip> -> 200} when healthy. */
    /** Runbook §6.10 before §6.11: what must have passed before Cloudflare sends traffic here (empty when off). */
    public List<Resource> smokeChecks() {
        return List.copyOf(smokeChecks);
    }

    public List<String> smokeTestCommands() {
        return smokeTestCommands;
    }

    public Map<String, ServiceAccount> serviceAccounts() {
        return Map.copyOf(serviceAccounts);
    }

    // ------------------------------------------------------------------ configuration

    private static Map<String, String> namespaceLabels(String enforce) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("app.kubernetes.io/part-of", "honeydue");
        l.put("pod-security.kubernetes.io/enforce", enforce);
        l.put("pod-security.kubernetes.io/enforce-version", "latest");
        l.put("pod-security.kubernetes.io/warn", "restricted");
        l.put("pod-security.kubernetes.io/warn-version", "latest");
        l.put("pod-security.kubernetes.io/audit", "restricted");
        l.put("pod-security.kubernetes.io/audit-version", "latest");
        return l;
    }

    /** 02-setup-secrets.sh as resources: every value comes from secret config and stays a secret Output. */
    private List<Resource> secrets(AppConfig c, List<Resource> deps) {
        var s = c.secrets();
        Map<String, Output<String>> app = new LinkedHashMap<>();
        app.put("POSTGRES_PASSWORD", s.postgresPassword().output());
        app.put("SECRET_KEY", s.appSecretKey().output());
        app.put("EMAIL_HOST_PASSWORD", s.smtpPassword().output());
        app.put("FCM_SERVER_KEY", s.fcmServerKey().output());
        app.put("B2_KEY_ID", s.b2KeyId().output());
        app.put("B2_APP_KEY", s.b2ApplicationKey().output());
        app.put("REDIS_PASSWORD", s.redisPassword().output());
        // Redis reads its password from this file, so it is never in the redis-server command line (ps, /proc).
        app.put(REDIS_CONF_KEY, s.redisPassword().derive(RedisConf::render));
        s.obsIngestToken().ifPresent(v -> app.put("OBS_INGEST_TOKEN", v.output()));
        s.obsTracesUrl().ifPresent(v -> app.put("OBS_TRACES_URL", v.output()));

        String user = c.registry().user();
        String server = c.registry().server();
        String basicAuthUser = c.adminBasicAuthUser();
        return List.of(
                secret(APP_SECRETS, "Opaque", app, deps),
                secret(APNS_SECRET, "Opaque", Map.of(APNS_KEY_FILE, s.apnsAuthKey().output()), deps),
                secret(PULL_SECRET, "kubernetes.io/dockerconfigjson",
                        Map.of(".dockerconfigjson", c.registry().token().derive(t -> DockerConfigJson.of(server, user, t))), deps),
                secret(IngressPlan.ADMIN_BASIC_AUTH, "Opaque",
                        Map.of("users", s.adminBasicAuthPassword().derive(p -> Htpasswd.line(basicAuthUser, p))), deps));
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
                .metadata(meta(name, "config"))
                .type(type)
                .stringData(data)
                .build(), opts(deps));
    }

    /** The non-secret environment every Go process shares (runbook §1 External dependencies, seed 002). */
    private Resource configMap(AppConfig c, List<Resource> deps) {
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
        if (!c.smtpUser().isEmpty()) {
            d.put("EMAIL_HOST_USER", c.smtpUser());
        }
        d.put("FEATURE_PUSH_ENABLED", Boolean.toString(c.featurePushEnabled()));
        d.put("OTEL_TRACES_SAMPLER_ARG", c.otelTracesSamplerArg());
        d.put("APNS_AUTH_KEY_PATH", APNS_MOUNT + "/" + APNS_KEY_FILE);
        return new ConfigMap(CONFIG_MAP, ConfigMapArgs.builder().metadata(meta(CONFIG_MAP, "config")).data(d).build(), opts(deps));
    }

    // ------------------------------------------------------------------ network

    private List<Resource> networkPolicies(HoneyDueAppArgs args, List<Resource> deps) {
        var inputs = new NetworkPolicyPlan.Inputs(args.cluster().nodes().stream().map(NodeSpec::ipv4).toList(),
                args.cluster().traefikHostNetwork(), args.config().database().port(), args.config().smtpPort(),
                args.workerMetricsPort());
        List<Resource> out = new ArrayList<>();
        for (var p : NetworkPolicyPlan.plan(inputs)) {
            var spec = NetworkPolicySpecArgs.builder()
                    .podSelector(selector(p.podNames()))
                    .policyTypes(p.policyTypes());
            if (!p.ingress().isEmpty()) {
                spec.ingress(p.ingress().stream().map(r -> NetworkPolicyIngressRuleArgs.builder()
                        .from(r.peers().stream().map(HoneyDueApp::peer).toList())
                        .ports(r.ports().stream().map(HoneyDueApp::port).toList()).build()).toList());
            }
            if (!p.egress().isEmpty()) {
                spec.egress(p.egress().stream().map(r -> NetworkPolicyEgressRuleArgs.builder()
                        .to(r.peers().stream().map(HoneyDueApp::peer).toList())
                        .ports(r.ports().stream().map(HoneyDueApp::port).toList()).build()).toList());
            }
            out.add(new NetworkPolicy(p.name(), NetworkPolicyArgs.builder()
                    .metadata(meta(p.name(), "network-policy"))
                    .spec(spec.build())
                    .build(), opts(deps)));
        }
        return out;
    }

    private static LabelSelectorArgs selector(List<String> names) {
        if (names.isEmpty()) {
            return LabelSelectorArgs.builder().build();
        }
        if (names.size() == 1) {
            return LabelSelectorArgs.builder().matchLabels(Map.of(NetworkPolicyPlan.NAME_LABEL, names.get(0))).build();
        }
        return LabelSelectorArgs.builder().matchExpressions(LabelSelectorRequirementArgs.builder()
                .key(NetworkPolicyPlan.NAME_LABEL).operator("In").values(names).build()).build();
    }

    private static NetworkPolicyPeerArgs peer(NetworkPolicyPlan.Peer p) {
        var b = NetworkPolicyPeerArgs.builder();
        if (p.cidr().isPresent()) {
            var block = IPBlockArgs.builder().cidr(p.cidr().get());
            if (!p.except().isEmpty()) {
                block.except(p.except());
            }
            return b.ipBlock(block.build()).build();
        }
        b.podSelector(LabelSelectorArgs.builder().matchLabels(p.podLabels()).build());
        p.namespace().ifPresent(ns -> b.namespaceSelector(LabelSelectorArgs.builder()
                .matchLabels(Map.of("kubernetes.io/metadata.name", ns)).build()));
        return b.build();
    }

    private static NetworkPolicyPortArgs port(NetworkPolicyPlan.Port p) {
        return NetworkPolicyPortArgs.builder().port(p.port()).protocol(p.protocol()).build();
    }

    // ------------------------------------------------------------------ workloads

    private ContainerArgs appContainer(WorkloadSpec spec, AppConfig c) {
        List<EnvVarArgs> env = new ArrayList<>();
        List<VolumeMountArgs> mounts = new ArrayList<>(writableMounts(spec.writablePaths()));
        List<EnvFromSourceArgs> envFrom = new ArrayList<>();
        switch (spec.name()) {
            case "api", "worker" -> {
                envFrom.add(EnvFromSourceArgs.builder().configMapRef(ConfigMapEnvSourceArgs.builder().name(CONFIG_MAP).build()).build());
                List<String> keys = new ArrayList<>(List.of("POSTGRES_PASSWORD", "SECRET_KEY", "REDIS_PASSWORD",
                        "B2_KEY_ID", "B2_APP_KEY", "FCM_SERVER_KEY"));
                if (spec.name().equals("worker")) {
                    keys.add("EMAIL_HOST_PASSWORD"); // only the worker sends mail (runbook §1 External dependencies)
                }
                keys.forEach(k -> env.add(secretEnv(k, k, false)));
                // Seed 002: traces are optional, the Deployment must roll without them.
                env.add(secretEnv("OBS_TRACES_URL", "OBS_TRACES_URL", true));
                env.add(secretEnv("OBS_INGEST_TOKEN", "OBS_INGEST_TOKEN", true));
                mounts.add(VolumeMountArgs.builder().name("apns-key").mountPath(APNS_MOUNT).readOnly(true).build());
            }
            case "web", "admin" -> {
                env.add(plainEnv("NODE_ENV", "production"));
                env.add(plainEnv("PORT", Integer.toString(spec.port())));
                env.add(plainEnv("HOSTNAME", "0.0.0.0"));
                if (spec.name().equals("web")) {
                    // Server-side proxy to the api (runbook §1), in-cluster, so NetworkPolicy sees the api pods.
                    env.add(plainEnv("API_URL", "http://api." + NAMESPACE + ".svc.cluster.local:" + WorkloadPlan.API_PORT));
                }
            }
            default -> throw new IllegalArgumentException("no container recipe for " + spec.name());
        }
        return container(spec, spec.image().toString(), List.of(), env, envFrom, mounts);
    }

    /**
     * AOF on; the password comes from redis.conf, a file mounted from the Secret, so neither the manifest nor the
     * process arguments ever hold it. The readiness probe reads it from the environment (REDISCLI_AUTH).
     */
    private ContainerArgs redisContainer(WorkloadSpec spec, AppConfig c) {
        List<VolumeMountArgs> mounts = new ArrayList<>(writableMounts(spec.writablePaths()));
        mounts.add(VolumeMountArgs.builder().name("data").mountPath("/data").build());
        mounts.add(VolumeMountArgs.builder().name("redis-conf").mountPath(RedisConf.MOUNT_DIR).readOnly(true).build());
        return container(spec, spec.image().toString(),
                List.of("redis-server", RedisConf.MOUNT_DIR + "/" + RedisConf.FILE, "--appendonly", "yes", "--dir", "/data",
                        "--port", Integer.toString(spec.port())),
                List.of(secretEnv("REDIS_PASSWORD", "REDIS_PASSWORD", false)), List.of(), mounts);
    }

    private ContainerArgs container(WorkloadSpec spec, String image, List<String> args, List<EnvVarArgs> env,
                                    List<EnvFromSourceArgs> envFrom, List<VolumeMountArgs> mounts) {
        var b = ContainerArgs.builder()
                .name(spec.name())
                .image(image)
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name(spec.portName()).containerPort(spec.port()).protocol("TCP").build())
                .env(env)
                .volumeMounts(mounts)
                .resources(resources(spec.resources()))
                .securityContext(containerSecurity())
                .startupProbe(probe(spec.probes().startup()))
                .readinessProbe(probe(spec.probes().readiness()))
                .livenessProbe(probe(spec.probes().liveness()));
        if (!args.isEmpty()) {
            b.args(args);
        }
        if (!envFrom.isEmpty()) {
            b.envFrom(envFrom);
        }
        return b.build();
    }

    private Deployment deployment(WorkloadSpec spec, ContainerArgs container, List<Resource> deps, boolean hpaManaged) {
        List<VolumeArgs> volumes = new ArrayList<>(writableVolumes(spec.writablePaths()));
        Map<String, String> nodeSelector = Map.of();
        switch (spec.name()) {
            case "api", "worker" -> volumes.add(VolumeArgs.builder().name("apns-key").secret(SecretVolumeSourceArgs.builder()
                    .secretName(APNS_SECRET).defaultMode(0440)
                    .items(KeyToPathArgs.builder().key(APNS_KEY_FILE).path(APNS_KEY_FILE).build()).build()).build());
            case "redis" -> {
                volumes.add(VolumeArgs.builder().name("data").persistentVolumeClaim(PersistentVolumeClaimVolumeSourceArgs.builder()
                        .claimName(REDIS_PVC).build()).build());
                volumes.add(VolumeArgs.builder().name("redis-conf").secret(SecretVolumeSourceArgs.builder()
                        .secretName(APP_SECRETS).defaultMode(0440)
                        .items(KeyToPathArgs.builder().key(REDIS_CONF_KEY).path(RedisConf.FILE).build()).build()).build());
                nodeSelector = Map.of(com.honeydue.infra.config.ClusterConfig.REDIS_LABEL, "true");
            }
            default -> { }
        }
        Map<String, String> podAnnotations = spec.scrapeMetrics()
                ? Map.of("prometheus.io/scrape", "true", "prometheus.io/port", Integer.toString(spec.port()),
                        "prometheus.io/path", "/metrics")
                : Map.of();
        var strategy = spec.recreate()
                ? DeploymentStrategyArgs.builder().type("Recreate").build()
                : DeploymentStrategyArgs.builder().type("RollingUpdate").rollingUpdate(RollingUpdateDeploymentArgs.builder()
                        .maxUnavailable(0).maxSurge(1).build()).build();
        var pod = PodSpecArgs.builder()
                .serviceAccountName(spec.name())
                .automountServiceAccountToken(false)
                .imagePullSecrets(LocalObjectReferenceArgs.builder().name(PULL_SECRET).build())
                .securityContext(podSecurity(spec.runAsUser(), spec.runAsGroup()))
                .containers(container)
                .volumes(volumes);
        if (!nodeSelector.isEmpty()) {
            pod.nodeSelector(nodeSelector);
        }
        var args = DeploymentArgs.builder()
                .metadata(meta(spec.name(), spec.component()))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(spec.replicas())
                        .revisionHistoryLimit(5)
                        .selector(LabelSelectorArgs.builder().matchLabels(Map.of(NetworkPolicyPlan.NAME_LABEL, spec.name())).build())
                        .strategy(strategy)
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(podMeta(spec, podAnnotations))
                                .spec(pod.build())
                                .build())
                        .build())
                .build();
        var o = CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(deps);
        if (hpaManaged) {
            o.ignoreChanges("spec.replicas"); // the HPA owns the count after creation
        }
        Deployment d = new Deployment(spec.name(), args, o.build());
        deployments.put(spec.name(), d);
        return d;
    }

    /**
     * goose up against the DIRECT Neon endpoint (the pooler runs in transaction mode and breaks goose's session
     * lock). Named after the image digest, so a new image is a new Job that runs once; the provider waits for it
     * to complete and fails the update if it does not.
     */
    private Job migrationJob(AppConfig c, List<Resource> deps) {
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
        var container = ContainerArgs.builder()
                .name("goose")
                .image(image.toString())
                .imagePullPolicy("IfNotPresent")
                .command("goose", "up")
                .env(env)
                .volumeMounts(writableMounts(writable))
                .resources(resources(WorkloadPlan.MIGRATE_RESOURCES))
                .securityContext(containerSecurity())
                .build();
        return new Job(name, JobArgs.builder()
                .metadata(meta(name, "migration"))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(2)
                        .activeDeadlineSeconds(900)
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels(NetworkPolicyPlan.MIGRATE_NAME, "migration")).build())
                                .spec(PodSpecArgs.builder()
                                        .restartPolicy("Never")
                                        .serviceAccountName("api")
                                        .automountServiceAccountToken(false)
                                        .imagePullSecrets(LocalObjectReferenceArgs.builder().name(PULL_SECRET).build())
                                        .securityContext(podSecurity(WorkloadPlan.GO_UID, WorkloadPlan.GO_UID))
                                        .containers(container)
                                        .volumes(writableVolumes(writable))
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(deps)
                .deleteBeforeReplace(true).build());
    }

    private Resource service(String name, WorkloadSpec spec, Deployment target) {
        return new com.pulumi.kubernetes.core.v1.Service(name, ServiceArgs.builder()
                .metadata(meta(name, spec.component()))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(Map.of(NetworkPolicyPlan.NAME_LABEL, name))
                        .ports(ServicePortArgs.builder().name(spec.portName()).port(spec.port())
                                .targetPort(spec.portName()).protocol("TCP").build())
                        .build())
                .build(), opts(List.of(target)));
    }

    private void pdb(String name, String app, Optional<Integer> maxUnavailable, Optional<Integer> minAvailable) {
        var spec = PodDisruptionBudgetSpecArgs.builder()
                .selector(LabelSelectorArgs.builder().matchLabels(Map.of(NetworkPolicyPlan.NAME_LABEL, app)).build());
        maxUnavailable.ifPresent(spec::maxUnavailable);
        minAvailable.ifPresent(spec::minAvailable);
        new PodDisruptionBudget(name, PodDisruptionBudgetArgs.builder().metadata(meta(name, app)).spec(spec.build()).build(),
                opts(List.of(deployments.get(app))));
    }

    // ------------------------------------------------------------------ Traefik

    private List<Resource> middlewares(HoneyDueAppArgs args, List<Resource> deps) {
        List<Resource> out = new ArrayList<>();
        if (!args.cloudflareAllowList().isEmpty()) {
            out.add(middleware(IngressPlan.CLOUDFLARE_ONLY,
                    Map.of("ipAllowList", Map.of("sourceRange", args.cloudflareAllowList())), deps));
        }
        out.add(middleware(IngressPlan.ADMIN_BASIC_AUTH,
                Map.of("basicAuth", Map.of("secret", IngressPlan.ADMIN_BASIC_AUTH, "removeHeader", true)), deps));
        return out;
    }

    private Resource middleware(String name, Map<String, Object> spec, List<Resource> deps) {
        return new CustomResource(name, CustomResourceArgs.builder()
                .apiVersion("traefik.io/v1alpha1").kind("Middleware")
                .metadata(meta(name, "ingress"))
                .otherFields(Map.of("spec", spec))
                .build(), opts(deps));
    }

    /** Only when something overrides k3s's Traefik: hostNetwork DaemonSet (Hetzner) and/or extra values. */
    private Optional<CustomResource> traefikHelmChartConfig(HoneyDueAppArgs args) {
        Map<String, Object> values = TraefikValues.values(args.cluster().traefikHostNetwork(), args.extraTraefikValues());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CustomResource("traefik", CustomResourceArgs.builder()
                .apiVersion("helm.cattle.io/v1").kind("HelmChartConfig")
                .metadata(ObjectMetaArgs.builder().name("traefik").namespace("kube-system").build())
                .otherFields(Map.of("spec", Map.of("valuesContent", TraefikValues.yaml(values))))
                .build(), CustomResourceOptions.builder().parent(this).provider(provider).build()));
    }

    private Ingress ingress(IngressPlan.IngressSpec spec, List<Resource> deps) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("traefik.ingress.kubernetes.io/router.entrypoints", spec.entrypoint());
        if (!spec.middlewares().isEmpty()) {
            annotations.put("traefik.ingress.kubernetes.io/router.middlewares", String.join(",",
                    spec.middlewares().stream().map(m -> IngressPlan.middlewareRef(NAMESPACE, m)).toList()));
        }
        if (spec.tls()) {
            annotations.put("traefik.ingress.kubernetes.io/router.tls", "true");
        }
        var rules = spec.routes().stream().map(r -> IngressRuleArgs.builder()
                .host(r.host())
                .http(HTTPIngressRuleValueArgs.builder().paths(HTTPIngressPathArgs.builder()
                        .path(spec.exactPath().orElse("/"))
                        .pathType(spec.exactPath().isPresent() ? "Exact" : "Prefix")
                        .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs.builder()
                                .name(r.service()).port(ServiceBackendPortArgs.builder().name("http").build()).build()).build())
                        .build()).build())
                .build()).toList();
        var ingressSpec = IngressSpecArgs.builder().ingressClassName("traefik").rules(rules);
        if (spec.tls()) {
            ingressSpec.tls(IngressTLSArgs.builder().secretName(IngressPlan.ORIGIN_CERT_SECRET)
                    .hosts(spec.routes().stream().map(IngressRoute::host).toList()).build());
        }
        return new Ingress(spec.name(), IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name()).namespace(NAMESPACE)
                        .labels(labels(spec.name(), "ingress")).annotations(annotations).build())
                .spec(ingressSpec.build())
                .build(), opts(deps));
    }

    // ------------------------------------------------------------------ building blocks

    private static SecurityContextArgs containerSecurity() {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .readOnlyRootFilesystem(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build();
    }

    private static PodSecurityContextArgs podSecurity(long uid, long gid) {
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser((int) uid)
                .runAsGroup((int) gid)
                .fsGroup((int) gid)
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build();
    }

    private static ResourceRequirementsArgs resources(WorkloadSpec.Resources r) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", r.cpuRequest(), "memory", r.memoryRequest(), "ephemeral-storage", "64Mi"))
                .limits(Map.of("cpu", r.cpuLimit(), "memory", r.memoryLimit(), "ephemeral-storage", "512Mi"))
                .build();
    }

    private static ProbeArgs probe(Probe p) {
        var b = ProbeArgs.builder()
                .periodSeconds(p.periodSeconds())
                .timeoutSeconds(p.timeoutSeconds())
                .failureThreshold(p.failureThreshold());
        if (p.initialDelaySeconds() > 0) {
            b.initialDelaySeconds(p.initialDelaySeconds());
        }
        if (p.httpPath().isPresent()) {
            b.httpGet(HTTPGetActionArgs.builder().path(p.httpPath().get()).port(p.port()).build());
        } else if (!p.execCommand().isEmpty()) {
            b.exec(ExecActionArgs.builder().command(p.execCommand()).build());
        } else {
            b.tcpSocket(TCPSocketActionArgs.builder().port(p.port()).build());
        }
        return b.build();
    }

    private static List<VolumeMountArgs> writableMounts(List<String> paths) {
        List<VolumeMountArgs> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(VolumeMountArgs.builder().name("writable-" + i).mountPath(paths.get(i)).build());
        }
        return out;
    }

    private static List<VolumeArgs> writableVolumes(List<String> paths) {
        List<VolumeArgs> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(VolumeArgs.builder().name("writable-" + i)
                    .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("256Mi").build()).build());
        }
        return out;
    }

    private static EnvVarArgs secretEnv(String env, String key, boolean optional) {
        var ref = SecretKeySelectorArgs.builder().name(APP_SECRETS).key(key);
        if (optional) {
            ref.optional(true);
        }
        return EnvVarArgs.builder().name(env).valueFrom(EnvVarSourceArgs.builder().secretKeyRef(ref.build()).build()).build();
    }

    private static EnvVarArgs configEnv(String key) {
        return EnvVarArgs.builder().name(key).valueFrom(EnvVarSourceArgs.builder()
                .configMapKeyRef(ConfigMapKeySelectorArgs.builder().name(CONFIG_MAP).key(key).build()).build()).build();
    }

    private static EnvVarArgs plainEnv(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static Map<String, String> partOf() {
        return Map.of("app.kubernetes.io/part-of", "honeydue");
    }

    static Map<String, String> labels(String name, String component) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(NetworkPolicyPlan.NAME_LABEL, name);
        l.put("app.kubernetes.io/part-of", "honeydue");
        l.put("app.kubernetes.io/component", component);
        return l;
    }

    private static ObjectMetaArgs podMeta(WorkloadSpec spec, Map<String, String> annotations) {
        var b = ObjectMetaArgs.builder().labels(labels(spec.name(), spec.component()));
        if (!annotations.isEmpty()) {
            b.annotations(annotations);
        }
        return b.build();
    }

    private static ObjectMetaArgs meta(String name, String component) {
        return ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).labels(labels(name, component)).build();
    }

    private CustomResourceOptions opts(List<Resource> deps) {
        return CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(deps).build();
    }

    private static WorkloadSpec find(List<WorkloadSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no workload " + name));
    }

    private static List<Resource> concat(List<Resource> a, List<Resource> b) {
        List<Resource> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
