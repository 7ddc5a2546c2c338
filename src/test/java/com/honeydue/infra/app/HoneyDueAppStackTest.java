package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The ovh stack under the mock engine: the runbook's gotchas as graph and input assertions. */
class HoneyDueAppStackTest {
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private final StackRun run = StackFixtures.run("ovh");

    @Test
    void everyChildIsParentedToTheComponentAndUsesTheClusterProvider() {
        RecordedResource component = AppStacks.component(run);
        assertThat(component.parent()).contains("pulumi:pulumi:Stack");
        List<RecordedResource> children = AppStacks.appChildren(run);
        assertThat(children).hasSizeGreaterThan(40);
        children.stream().filter(r -> r.type().startsWith("kubernetes:"))
                .forEach(r -> assertThat(r.provider()).as(r.name()).contains("cluster-k8s"));
        assertThat(run.named("kubernetes:core/v1:Namespace", "honeydue").parent()).isEqualTo(component.urn());
    }

    @Test
    void namespaceCarriesPodSecurityLabels() {
        JsonNode labels = run.named("kubernetes:core/v1:Namespace", "honeydue").inputs().path("metadata").path("labels");
        // restricted everywhere: alloy-logs (root, hostPath /var/log/pods) runs in its own namespace, honeydue-logs.
        assertThat(labels.path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
        assertThat(labels.path("pod-security.kubernetes.io/warn").asText()).isEqualTo("restricted");
        assertThat(labels.path("pod-security.kubernetes.io/audit").asText()).isEqualTo("restricted");
    }

    /** Runbook §9.1: pods never started because rbac.yaml was not applied; now every SA exists and comes first. */
    @Test
    void everyDeploymentDependsOnItsServiceAccount() {
        List<RecordedResource> deployments = AppStacks.appOfType(run, DEPLOYMENT);
        assertThat(deployments).extracting(RecordedResource::name).containsExactlyInAnyOrder("api", "worker", "admin", "web", "redis");
        for (RecordedResource d : deployments) {
            String sa = d.inputs().path("spec").path("template").path("spec").path("serviceAccountName").asText();
            RecordedResource account = run.named("kubernetes:core/v1:ServiceAccount", sa);
            assertThat(d.dependsOn()).as(d.name() + " depends on ServiceAccount " + sa).contains(account.urn());
            assertThat(account.inputs().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        }
        assertThat(AppStacks.appOfType(run, "kubernetes:core/v1:ServiceAccount")).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("api", "worker", "admin", "web", "redis");
    }

    /** Runbook §9.7: the Asynq scheduler is a singleton. */
    @Test
    void workerIsASingletonWithRecreateAndAZeroPdb() {
        JsonNode worker = run.named(DEPLOYMENT, "worker").inputs().path("spec");
        assertThat(worker.path("replicas").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(worker.path("strategy").path("type").asText()).isEqualTo("Recreate");
        JsonNode pdb = run.named("kubernetes:policy/v1:PodDisruptionBudget", "worker-pdb").inputs().path("spec");
        assertThat(pdb.path("minAvailable").asDouble(-1)).isEqualTo(0.0);
        assertThat(AppStacks.appOfType(run, "kubernetes:policy/v1:PodDisruptionBudget")).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("api-pdb", "web-pdb", "worker-pdb");
    }

    @Test
    void migrationJobRunsGooseOnTheDirectEndpointBeforeApiAndWorker() {
        RecordedResource job = AppStacks.appOfType(run, "kubernetes:batch/v1:Job").get(0);
        assertThat(job.name()).isEqualTo("migrate-34fde6000000");
        for (String app : List.of("api", "worker")) {
            assertThat(run.named(DEPLOYMENT, app).dependsOn()).as(app).contains(job.urn());
        }
        for (String app : List.of("web", "admin")) {
            assertThat(run.named(DEPLOYMENT, app).dependsOn()).as(app).doesNotContain(job.urn());
        }
        JsonNode pod = job.inputs().path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo(run.named(DEPLOYMENT, "api").inputs()
                .path("spec").path("template").path("spec").path("containers").get(0).path("image").asText());
        assertThat(container.path("command").toString()).isEqualTo("[\"goose\",\"up\"]");
        assertThat(env(container, "GOOSE_DBSTRING")).contains("host=$(DB_DIRECT_HOST)").contains("password=$(POSTGRES_PASSWORD)");
        assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
        assertThat(job.inputs().path("spec").path("backoffLimit").asDouble()).isEqualTo(2.0);
        JsonNode cm = run.named("kubernetes:core/v1:ConfigMap", "honeydue-config").inputs().path("data");
        assertThat(cm.path("DB_DIRECT_HOST").asText()).isEqualTo("ep-floral-truth-amttbc5a.c-5.us-east-1.aws.neon.tech");
        assertThat(cm.path("DB_HOST").asText()).isEqualTo("ep-floral-truth-amttbc5a-pooler.c-5.us-east-1.aws.neon.tech");
    }

    /** Seed 003: admin's probe on /admin/ returned 404 and killed the pods; api needs 240 s on first boot. */
    @Test
    void probesCarryTheSeedFixes() {
        JsonNode admin = container("admin");
        for (String probe : List.of("startupProbe", "readinessProbe")) {
            assertThat(admin.path(probe).path("httpGet").path("path").asText()).as("admin " + probe).isEqualTo("/");
        }
        assertThat(admin.path("startupProbe").path("failureThreshold").asDouble()).isEqualTo(24.0);
        assertThat(admin.path("startupProbe").path("periodSeconds").asDouble()).isEqualTo(5.0);
        JsonNode api = container("api");
        assertThat(api.path("startupProbe").path("failureThreshold").asDouble()).isEqualTo(48.0);
        assertThat(api.path("startupProbe").path("periodSeconds").asDouble()).isEqualTo(5.0);
        assertThat(api.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/api/health/");
        assertThat(api.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/api/health/");
        assertThat(container("worker").path("readinessProbe").path("httpGet").path("port").asDouble()).isEqualTo(6060.0);
        // Liveness is "the process accepts connections" (TCP on the serving port), so a failing dependency takes
        // pods out of rotation through readiness instead of restarting every replica at once.
        for (String app : List.of("api", "web", "admin", "worker")) {
            JsonNode c = container(app);
            assertThat(c.path("livenessProbe").has("httpGet")).as(app + " liveness").isFalse();
            assertThat(c.path("livenessProbe").path("tcpSocket").path("port").asDouble()).as(app + " liveness port")
                    .isEqualTo(c.path("ports").get(0).path("containerPort").asDouble());
            assertThat(c.path("livenessProbe")).as(app).isNotEqualTo(c.path("readinessProbe"));
        }
    }

    @Test
    void apiRollsOneAtATimeScalesWithAnHpaAndIsScrapeable() {
        JsonNode spec = run.named(DEPLOYMENT, "api").inputs().path("spec");
        // The HPA owns the count: spec.replicas is never sent, so a rollout after a scale-up cannot fight the HPA.
        assertThat(spec.has("replicas")).as("api spec.replicas").isFalse();
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asDouble()).isEqualTo(0.0);
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxSurge").asDouble()).isEqualTo(1.0);
        assertThat(spec.path("template").path("metadata").path("annotations").path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(container("api").path("ports").get(0).path("containerPort").asDouble()).isEqualTo(8000.0);
        JsonNode hpa = run.named("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "api").inputs().path("spec");
        assertThat(hpa.path("minReplicas").asDouble()).isEqualTo(3.0);
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("api");
        assertThat(run.named(DEPLOYMENT, "web").inputs().path("spec").path("replicas").asDouble()).isEqualTo(3.0);
        assertThat(run.named(DEPLOYMENT, "admin").inputs().path("spec").path("replicas").asDouble()).isEqualTo(1.0);
    }

    @Test
    void everyImageIsPinnedByDigest() {
        List<Map.Entry<String, JsonNode>> containers = AppStacks.containers(run);
        assertThat(containers).hasSize(6);
        containers.forEach(e -> assertThat(e.getValue().path("image").asText()).as(e.getKey())
                .matches("^[^@]+@sha256:[0-9a-f]{64}$"));
    }

    @Test
    void everyContainerHasLimitsAndTheRestrictedSecurityContext() {
        for (var e : AppStacks.containers(run)) {
            JsonNode c = e.getValue();
            String who = e.getKey() + "/" + c.path("name").asText();
            for (String kind : List.of("requests", "limits")) {
                assertThat(c.path("resources").path(kind).path("cpu").asText()).as(who + " cpu " + kind).isNotEmpty();
                assertThat(c.path("resources").path(kind).path("memory").asText()).as(who + " memory " + kind).isNotEmpty();
                assertThat(c.path("resources").path(kind).path("ephemeral-storage").asText()).as(who + " ephemeral-storage " + kind).isNotEmpty();
            }
            JsonNode sc = c.path("securityContext");
            assertThat(sc.path("runAsNonRoot").asBoolean()).as(who).isTrue();
            assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(who).isFalse();
            assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(who).isTrue();
            assertThat(sc.path("capabilities").path("drop").toString()).as(who).isEqualTo("[\"ALL\"]");
            assertThat(sc.path("capabilities").has("add")).as(who).isFalse();
            assertThat(sc.path("seccompProfile").path("type").asText()).as(who).isEqualTo("RuntimeDefault");
            assertThat(mountPaths(c)).as(who + " writable /tmp").contains("/tmp");
        }
        for (RecordedResource owner : AppStacks.podOwners(run)) {
            JsonNode pod = owner.inputs().path("spec").path("template").path("spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(owner.name()).isFalse();
            assertThat(pod.path("imagePullSecrets").get(0).path("name").asText()).as(owner.name()).isEqualTo("gitea-credentials");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(owner.name()).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asDouble()).as(owner.name()).isGreaterThan(0);
            assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
            assertThat(pod.path("volumes").toString()).doesNotContain("hostPath");
        }
        assertThat(mountPaths(container("web"))).contains("/tmp", "/app/.next/cache");
        assertThat(mountPaths(container("admin"))).contains("/tmp", "/app/.next/cache");
    }

    @Test
    void redisIsPinnedToTheLabelledNodeWithAofAndAPasswordFromTheSecret() {
        RecordedResource redis = run.named(DEPLOYMENT, "redis");
        RecordedResource label = run.named("kubernetes:core/v1:NodePatch", "vps-1624d691-labels");
        assertThat(redis.dependsOn()).contains(label.urn());
        JsonNode spec = redis.inputs().path("spec");
        assertThat(spec.path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(spec.path("template").path("spec").path("nodeSelector").path("honeydue/redis").asText()).isEqualTo("true");
        JsonNode c = container("redis");
        assertThat(c.path("image").asText()).startsWith("redis:7-alpine@sha256:6ab0b6");
        assertThat(c.path("args").toString()).contains("\"--appendonly\",\"yes\"").contains("\"/etc/redis/redis.conf\"").doesNotContain("requirepass");
        assertThat(c.path("env").get(0).path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("REDIS_PASSWORD");
        assertThat(mountPaths(c)).contains("/data");
        JsonNode pvc = run.named("kubernetes:core/v1:PersistentVolumeClaim", "redis-data").inputs().path("spec");
        assertThat(pvc.path("storageClassName").asText()).isEqualTo("local-path");
        assertThat(pvc.path("resources").path("requests").path("storage").asText()).isEqualTo("5Gi");
        JsonNode svc = run.named("kubernetes:core/v1:Service", "redis").inputs().path("spec");
        assertThat(svc.path("type").asText()).isEqualTo("ClusterIP");
    }

    @Test
    void tracesReachApiAndWorkerAsOptionalSecretRefs() {
        for (String app : List.of("api", "worker")) {
            for (String key : List.of("OBS_TRACES_URL", "OBS_INGEST_TOKEN")) {
                JsonNode ref = envVar(container(app), key).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).isEqualTo("honeydue-secrets");
                assertThat(ref.path("optional").asBoolean()).as(app + " " + key).isTrue();
            }
        }
        JsonNode cm = run.named("kubernetes:core/v1:ConfigMap", "honeydue-config").inputs().path("data");
        assertThat(cm.path("OTEL_TRACES_SAMPLER_ARG").asText()).isEqualTo("0.1");
        assertThat(cm.path("FEATURE_PUSH_ENABLED").asText()).isEqualTo("true"); // iOS push is live on OVH (runbook §1, §11)
        assertThat(cm.path("B2_BUCKET").asText()).isEqualTo("honeyDueProd");
        assertThat(cm.path("EMAIL_HOST").asText()).isEqualTo("smtp.fastmail.com");
    }

    @Test
    void pullSecretIsADockerConfigJsonSecretAndAllSecretDataIsSecret() {
        RecordedResource pull = run.named("kubernetes:core/v1:Secret", "gitea-credentials");
        assertThat(pull.inputs().path("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
        // data, not stringData (pulumi-kubernetes 4.0.0 replaces a stringData Secret on every up; seen in the lab),
        // and its key is there for a schema or a server-side dry-run, only the value masked.
        assertThat(pull.inputs().has("stringData")).isFalse();
        assertThat(pull.inputs().path("data").path(".dockerconfigjson").asText()).isEqualTo("[secret]");
        for (RecordedResource s : AppStacks.appOfType(run, "kubernetes:core/v1:Secret")) {
            assertThat(s.secretPaths()).as(s.name()).contains("/data");
        }
        assertThat(AppStacks.appOfType(run, "kubernetes:core/v1:Secret")).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("honeydue-secrets", "honeydue-apns-key", "gitea-credentials", "admin-basic-auth");
    }

    @Test
    void exactlyTwelveNetworkPoliciesIncludingDefaultDeny() {
        List<RecordedResource> policies = AppStacks.appOfType(run, "kubernetes:networking.k8s.io/v1:NetworkPolicy");
        assertThat(policies).hasSize(12);
        JsonNode deny = run.named("kubernetes:networking.k8s.io/v1:NetworkPolicy", "default-deny-all").inputs().path("spec");
        assertThat(deny.path("podSelector").size()).isZero();
        assertThat(deny.path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        // OVH: Traefik runs as pods behind klipper-lb, so no node addresses are admitted.
        String api = run.named("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow-ingress-api").inputs().toString();
        assertThat(api).contains("traefik").contains("vmagent").contains("admin").doesNotContain("51.81.83.33/32");
        // The admin panel's server-side routes reach the api in-cluster, through allow-egress-admin-to-api.
        assertThat(env(container("admin"), "API_URL")).isEqualTo("http://api.honeydue.svc.cluster.local:8000");
        assertThat(run.named("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow-egress-admin-to-api").inputs()
                .at("/spec/egress/0/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("api");
        // Every workload's policies exist before its pods start.
        for (RecordedResource d : AppStacks.podOwners(run)) {
            assertThat(d.dependsOn()).as(d.name()).containsAll(policies.stream().map(RecordedResource::urn).toList());
        }
    }

    @Test
    void ingressRoutesTheOvhHostsAndExemptsTheHealthCheck() {
        JsonNode pub = run.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-public").inputs();
        assertThat(hostToService(pub)).containsExactlyInAnyOrder("api.myhoneydue.com=api", "myhoneydue.com=api", "app.myhoneydue.com=web");
        JsonNode admin = run.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-admin").inputs();
        assertThat(hostToService(admin)).containsExactly("admin.myhoneydue.com=admin");
        // klipper-lb masquerades every client to a 10.42.x.x address, so an ipAllowList would 403 every request:
        // on OVH the allow-list is the Traefik Service's loadBalancerSourceRanges (L4), never a middleware.
        assertThat(admin.path("metadata").path("annotations").path("traefik.ingress.kubernetes.io/router.middlewares").asText())
                .isEqualTo("honeydue-admin-basic-auth@kubernetescrd");
        assertThat(run.ofType("kubernetes:traefik.io/v1alpha1:Middleware")).extracting(RecordedResource::name)
                .containsExactly("admin-basic-auth");
        assertThat(pub.path("metadata").path("annotations").has("traefik.ingress.kubernetes.io/router.middlewares")).isFalse();
        JsonNode health = run.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-api-health").inputs();
        JsonNode path = health.path("spec").path("rules").get(0).path("http").path("paths").get(0);
        assertThat(health.path("spec").path("rules").get(0).path("host").asText()).isEqualTo("api.myhoneydue.com");
        assertThat(path.path("path").asText()).isEqualTo("/api/health/");
        assertThat(path.path("pathType").asText()).isEqualTo("Exact");
        assertThat(health.path("metadata").path("annotations").has("traefik.ingress.kubernetes.io/router.middlewares")).isFalse();
        assertThat(pub.has("spec") && pub.path("spec").has("tls")).isFalse();
    }

    @Test
    void ovhNeverGetsTheHostNetworkTraefikOnlyTheSvclbSourceRanges() throws Exception {
        // Runbook §10: the DaemonSet + hostNetwork override is Hetzner-only. On klipper-lb the only Traefik value is the
        // Cloudflare allow-list (plus the nodes, for the on-node smoke check) as the Service's loadBalancerSourceRanges.
        var configs = run.ofType("kubernetes:helm.cattle.io/v1:HelmChartConfig");
        assertThat(configs).singleElement();
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(configs.get(0).inputs().at("/spec/valuesContent").asText());
        assertThat(values.path("deployment").path("kind").isMissingNode()).isTrue();
        assertThat(values.path("hostNetwork").isMissingNode()).isTrue();
        // klipper-lb publishes the svclb address, so k3s' publishedService keeps the Ingress await working.
        assertThat(values.path("providers").isMissingNode()).isTrue();
        assertThat(values.path("additionalArguments").isMissingNode()).isTrue();
        List<String> ranges = new ArrayList<>();
        values.at("/service/spec/loadBalancerSourceRanges").forEach(n -> ranges.add(n.asText()));
        List<String> expected = new ArrayList<>(com.honeydue.infra.StackFixtures.config("ovh").edge().allowListCidrs());
        expected.addAll(List.of("51.81.83.33/32", "51.81.87.86/32", "51.81.85.248/32"));
        assertThat(ranges).containsExactlyElementsOf(expected);
    }

    /** A drain (every k3s upgrade) takes one node's pods: never all of api, web or Traefik. */
    @Test
    void apiWebAndTraefikSurviveADrain() throws Exception {
        for (String app : List.of("api", "web")) {
            JsonNode spread = run.named(DEPLOYMENT, app).inputs().at("/spec/template/spec/topologySpreadConstraints");
            assertThat(spread).as(app).hasSize(1);
            assertThat(spread.get(0).path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.get(0).path("maxSkew").asDouble()).isEqualTo(1.0);
            assertThat(spread.get(0).path("whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
            assertThat(spread.get(0).at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(app);
        }
        for (String app : List.of("worker", "admin", "redis")) {
            assertThat(run.named(DEPLOYMENT, app).inputs().at("/spec/template/spec").has("topologySpreadConstraints")).as(app).isFalse();
        }
        // klipper-lb (OVH): k3s' single Traefik replica becomes two, with the chart's PDB.
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(run.ofType("kubernetes:helm.cattle.io/v1:HelmChartConfig")
                .get(0).inputs().at("/spec/valuesContent").asText());
        assertThat(values.at("/deployment/replicas").asInt()).isEqualTo(2);
        assertThat(values.at("/podDisruptionBudget/enabled").asBoolean()).isTrue();
        assertThat(values.at("/podDisruptionBudget/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void smokeCheckRunsOnEveryNodeAfterTheDeploymentsAndIngressesAndIsExported() {
        List<String> ready = new ArrayList<>();
        AppStacks.appOfType(run, DEPLOYMENT).forEach(d -> ready.add(d.urn()));
        AppStacks.appOfType(run, "kubernetes:networking.k8s.io/v1:Ingress").forEach(i -> ready.add(i.urn()));
        for (var node : List.of("ovhcloud1=51.81.83.33", "ovhcloud2=51.81.87.86", "ovhcloud3=51.81.85.248")) {
            String alias = node.split("=")[0];
            String ip = node.split("=")[1];
            RecordedResource smoke = run.named("command:remote:Command", alias + "-smoke-check");
            assertThat(smoke.parent()).isEqualTo(AppStacks.component(run).urn());
            assertThat(smoke.dependsOn()).containsAll(ready);
            assertThat(smoke.inputs().at("/connection/host").asText()).isEqualTo(ip);
            String create = smoke.inputs().path("create").asText();
            assertThat(create).contains("export NODE_IPS='" + ip + "'", "export SMOKE_HOST='api.myhoneydue.com'", "set -euo pipefail",
                    "export ROUTE_HOSTS='api.myhoneydue.com myhoneydue.com app.myhoneydue.com admin.myhoneydue.com'");
        }
        // Runbook §6.10 before §6.11: no DNS record or SSL setting before every node answered.
        var smokeUrns = run.ofType("command:remote:Command").stream().filter(r -> r.name().endsWith("-smoke-check"))
                .map(RecordedResource::urn).toList();
        assertThat(run.ofType("cloudflare:index/dnsRecord:DnsRecord")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.dependsOn()).containsAll(smokeUrns));
        JsonNode commands = run.outputs().get("smokeTestCommands");
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0).asText()).isEqualTo("ssh ubuntu@51.81.83.33 \"curl -s -o /dev/null -w '51.81.83.33 -> %{http_code}\\n'"
                + " -H 'Host: api.myhoneydue.com' http://51.81.83.33/api/health/\"");
    }

    @Test
    void optionalComponentsAreAbsentByDefault() {
        assertThat(run.ofType("kubernetes:kyverno.io/v1:ClusterPolicy")).isEmpty();
        assertThat(run.resources()).noneMatch(r -> r.name().contains("kratos"));
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode container(String deployment) {
        return run.named(DEPLOYMENT, deployment).inputs().path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<String> mountPaths(JsonNode container) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false).map(m -> m.path("mountPath").asText()).toList();
    }

    private static JsonNode envVar(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false).filter(e -> e.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name + " in " + container.path("name")));
    }

    private static String env(JsonNode container, String name) {
        return envVar(container, name).path("value").asText();
    }

    private static List<String> hostToService(JsonNode ingress) {
        return StreamSupport.stream(ingress.path("spec").path("rules").spliterator(), false)
                .map(r -> r.path("host").asText() + "=" + r.path("http").path("paths").get(0).path("backend").path("service").path("name").asText())
                .toList();
    }
}
