package com.honeydue.infra.app;

import com.honeydue.infra.values.NodeSpec;
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
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
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
    public static final String NAMESPACE = com.honeydue.infra.values.ClusterNetwork.APP_NAMESPACE;
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
    private final AppOwner owner;
    private final Namespace namespace;
    private final Map<String, ServiceAccount> serviceAccounts = new LinkedHashMap<>();
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final List<Ingress> ingresses = new ArrayList<>();
    private final List<String> smokeTestCommands;
    private final List<Resource> smokeChecks = new ArrayList<>();

    public HoneyDueApp(String name, HoneyDueAppArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.provider = args.provider();
        this.owner = new AppOwner(this, provider);
        AppConfig c = args.config();
        // Dead servers (deadServers) serve nothing and are never contacted: no smoke check, no admitted address.
        List<String> nodeIpv4s = args.cluster().liveNodes().stream().map(NodeSpec::ipv4).toList();
        var workloads = new AppWorkloads(owner);
        var traefik = new TraefikRouting(owner);

        this.namespace = new com.pulumi.kubernetes.core.v1.Namespace(NAMESPACE, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE).labels(namespaceLabels()).build())
                .build(), opts(List.of()));
        List<Resource> inNamespace = List.of(namespace);

        // ServiceAccounts are part of every deploy (runbook §9.1: rbac.yaml was bootstrap-only and pods never started).
        for (String sa : SERVICE_ACCOUNTS) {
            serviceAccounts.put(sa, new ServiceAccount(sa, ServiceAccountArgs.builder()
                    .metadata(PodParts.meta(sa, sa))
                    .automountServiceAccountToken(false)
                    .build(), opts(inNamespace)));
        }

        var configuration = new AppConfiguration(owner);
        List<Resource> config = new ArrayList<>(configuration.secrets(c, inNamespace));
        config.add(configuration.configMap(c, inNamespace));
        List<Resource> policies = NetworkPolicyResources.create(owner, new NetworkPolicyPlan.Inputs(nodeIpv4s,
                args.cluster().traefikHostNetwork(), c.database().port(), c.smtpPort(), args.workerMetricsPort()), inNamespace);

        // Pods start only once their configuration and network allowances exist (§6.9: policies before workloads).
        List<Resource> podPrereqs = new ArrayList<>(config);
        podPrereqs.addAll(policies);

        var specs = WorkloadPlan.deployments(c);
        WorkloadSpec redisSpec = find(specs, "redis");
        var pvc = new PersistentVolumeClaim(REDIS_PVC, PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(REDIS_PVC).namespace(NAMESPACE).labels(PodParts.labels(REDIS_PVC, "cache"))
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
        Deployment redis = workloads.deployment(redisSpec, c, workloads.redisContainer(redisSpec), redisDeps, false);
        deployments.put("redis", redis);
        var redisService = workloads.service("redis", redisSpec, redis);

        Job migrate = workloads.migrationJob(c, concat(podPrereqs, List.of(serviceAccounts.get("api"))));

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
            deployments.put(spec.name(), workloads.deployment(spec, c, workloads.appContainer(spec, c), deps,
                    spec.name().equals("api")));
        }
        List<Resource> services = new ArrayList<>(List.of(redisService));
        for (String svc : List.of("api", "web", "admin")) {
            services.add(workloads.service(svc, find(specs, svc), deployments.get(svc)));
        }

        new HorizontalPodAutoscaler("api", HorizontalPodAutoscalerArgs.builder()
                .metadata(PodParts.meta("api", "api"))
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
        workloads.pdb("api-pdb", "api", Optional.of(1), Optional.empty(), deployments.get("api"));
        workloads.pdb("web-pdb", "web", Optional.of(1), Optional.empty(), deployments.get("web"));
        // singleton: a drain must be able to evict it
        workloads.pdb("worker-pdb", "worker", Optional.empty(), Optional.of(0), deployments.get("worker"));

        List<Resource> routing = new ArrayList<>(services);
        // Only where Traefik sees the client's address (hostNetwork); klipper-lb clusters filter at L4 instead.
        Optional<List<String>> cloudflareOnly = CloudflareOnlyPlan.sourceRange(args.cloudflareAllowList(), nodeIpv4s,
                args.cluster().traefikHostNetwork());
        // Traefik's CRDs and rollout first: on a first `up`, k3s may not have installed them yet.
        List<Resource> traefikReady = new ArrayList<>(inNamespace);
        traefikReady.addAll(args.ingressReady());
        routing.addAll(args.ingressReady());
        routing.addAll(traefik.middlewares(cloudflareOnly.orElse(List.of()), traefikReady));
        // hostNetwork: the first node's address is what Traefik publishes as every Ingress' status (see TraefikValues).
        traefik.helmChartConfig(TraefikValues.values(args.cluster().traefikHostNetwork(), nodeIpv4s.get(0),
                        args.extraTraefikValues()), args.ingressReady())
                .ifPresent(routing::add);
        // The exempt /api/health/ route exists whenever the smoke-check host is an api host (§6.10 diagnostics).
        Optional<String> healthHost = c.routes().stream()
                .filter(r -> r.host().equals(c.smokeCheck().host()) && r.service().equals("api"))
                .map(IngressRoute::host).findFirst();
        for (var spec : IngressPlan.plan(c.routes(), cloudflareOnly.isPresent(), args.originTls(), healthHost)) {
            ingresses.add(traefik.ingress(spec, routing));
        }

        c.kyvernoPublicKey().ifPresent(key -> new CustomResource(KyvernoPolicyPlan.NAME, CustomResourceArgs.builder()
                .apiVersion("kyverno.io/v1").kind("ClusterPolicy")
                .metadata(ObjectMetaArgs.builder().name(KyvernoPolicyPlan.NAME).labels(PodParts.partOf()).build())
                .otherFields(Map.of("spec", KyvernoPolicyPlan.spec(NAMESPACE, c.registry().server(), key)))
                .build(), opts(inNamespace)));

        this.smokeTestCommands = SmokeCheckPlan.commands(args.cluster().sshUser(), nodeIpv4s, c.smokeCheck().host());
        if (c.smokeCheck().enabled()) {
            // Runbook §6.10's external check, run on each node against its own public IP: it exercises the same
            // path as Cloudflare's requests (svclb or hostNetwork Traefik, Ingress, api) and still works when the
            // Cloudflare allow-list keeps every other source out.
            for (NodeSpec node : args.cluster().liveNodes()) {
                RemoteStep step = RemoteStep.of("smoke-check", SmokeCheckPlan.SCRIPT,
                        SmokeCheckPlan.environment(node.ipv4(), c.smokeCheck(), c.routes()));
                smokeChecks.add(new Command(node.alias() + "-smoke-check", CommandArgs.builder()
                        .connection(NodeConnection.of(args.cluster(), node))
                        .create(step.command())
                        // Re-run whenever what serves the request changes.
                        .triggers(c.images().api().toString(), node.ipv4(), c.smokeCheck().host(), step.sha256())
                        .addPreviousOutputInEnv(false) // stock sshd refuses it, with a warning per run
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

    /** One `ssh … curl` line per node: the smoke check an operator can run by hand (also a stack output). */
    public Output<List<String>> smokeTestCommands() {
        return Output.of(smokeTestCommands);
    }

    public Map<String, ServiceAccount> serviceAccounts() {
        return Map.copyOf(serviceAccounts);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Pod Security "restricted", enforced, warned and audited: every pod here (the app, the migration Job, vmagent)
     * runs non-root with seccomp RuntimeDefault, no privilege escalation, every capability dropped and no host
     * namespace, port or path. alloy-logs, which needs root and a hostPath, has its own namespace (honeydue-logs).
     */
    private static Map<String, String> namespaceLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("app.kubernetes.io/part-of", "honeydue");
        for (String mode : List.of("enforce", "warn", "audit")) {
            l.put("pod-security.kubernetes.io/" + mode, "restricted");
            l.put("pod-security.kubernetes.io/" + mode + "-version", "latest");
        }
        return l;
    }

    private CustomResourceOptions opts(List<Resource> deps) {
        return owner.opts(deps);
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
