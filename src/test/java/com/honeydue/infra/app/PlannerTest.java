package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.workload.NetworkPeer;
import com.honeydue.infra.workload.NetworkPort;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain unit tests of the pure planners the component wires. */
class PlannerTest {
    private static final String DIGEST = "sha256:34fde60000000000000000000000000000000000000000000000000000000000";

    // ------------------------------------------------------------------ image references

    @Test
    void imageReferenceParsesRegistryRepositoryTagAndDigest() {
        var ref = ImageReference.parse("gitea.treytartt.com/admin/honeydue-api@" + DIGEST);
        assertThat(ref.registry()).isEqualTo("gitea.treytartt.com");
        assertThat(ref.repository()).isEqualTo("gitea.treytartt.com/admin/honeydue-api");
        assertThat(ref.pinned()).isTrue();
        assertThat(ref.shortId()).isEqualTo("34fde6000000");
        var redis = ImageReference.parse("redis:7-alpine@" + DIGEST);
        assertThat(redis.registry()).isEqualTo("docker.io");
        assertThat(redis.tag()).contains("7-alpine");
        assertThat(redis.toString()).isEqualTo("redis:7-alpine@" + DIGEST);
        assertThat(ImageReference.parse("localhost:5000/x/y:1.2").registry()).isEqualTo("localhost:5000");
    }

    @Test
    void imageReferenceWithoutDigestIsUnpinnedAndBadFormsAreExplained() {
        assertThat(ImageReference.parse("gitea.treytartt.com/admin/honeydue-api:latest").pinned()).isFalse();
        assertThatThrownBy(() -> ImageReference.parse("redis@sha256:34fde6")).hasMessageContaining("not sha256:<64 lower-case hex>");
        assertThatThrownBy(() -> ImageReference.parse("Gitea/API")).hasMessageContaining("not a valid image name");
        assertThatThrownBy(() -> ImageReference.parse(" ")).hasMessageContaining("is empty");
        assertThat(ImageReference.parse("a/b:1").shortId()).isNotEqualTo(ImageReference.parse("a/b:2").shortId());
    }

    // ------------------------------------------------------------------ secrets payloads

    @Test
    void bcryptMatchesAnIndependentImplementation() {
        // Python's bcrypt (pyca/bcrypt): hashpw(b"correct horse battery staple", b"$2b$10$" + bcrypt_b64(bytes(range(16))))
        byte[] salt = new byte[16];
        for (int i = 0; i < 16; i++) {
            salt[i] = (byte) i;
        }
        assertThat(Htpasswd.bcrypt("correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8), salt))
                .isEqualTo("$2y$10$..CA.uOD/eaGAOmJB.yMBubRoslBHnMTNf7r5vXwx5UX9sWYt/FHi");
    }

    /** bcrypt, stable across renders (no Secret churn), salted by another secret and the stack, never by the password. */
    @Test
    void htpasswdLineIsBcryptWithAStableSaltThatDoesNotComeFromThePassword() {
        String line = Htpasswd.line("admin", "s3cret", "app-secret-key", "ovh");
        assertThat(line).isEqualTo(Htpasswd.line("admin", "s3cret", "app-secret-key", "ovh"))
                .startsWith("admin:$2y$10$").doesNotContain("s3cret");
        String hash = line.split(":", 2)[1];
        assertThat(at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify("s3cret".toCharArray(), hash).verified).isTrue();
        assertThat(at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify("s3cret!".toCharArray(), hash).verified).isFalse();
        // The salt (first 22 characters after $2y$10$) does not depend on the password...
        String salt = hash.substring(7, 29);
        assertThat(Htpasswd.line("admin", "another password", "app-secret-key", "ovh").split(":", 2)[1]).startsWith("$2y$10$" + salt);
        // ...but on the key, the stack and the user.
        assertThat(Htpasswd.line("admin", "s3cret", "another-key", "ovh")).doesNotContain(salt);
        assertThat(Htpasswd.line("admin", "s3cret", "app-secret-key", "prod")).doesNotContain(salt);
        assertThat(Htpasswd.line("ops", "s3cret", "app-secret-key", "ovh")).doesNotContain(salt);
        assertThatThrownBy(() -> Htpasswd.line("a:b", "x", "k", "ovh")).hasMessageContaining("':'");
        assertThatThrownBy(() -> Htpasswd.line("admin", "x".repeat(73), "k", "ovh")).hasMessageContaining("72 bytes");
    }

    @Test
    void dockerConfigJsonHasTheAuthsEntryKubeletExpects() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DockerConfigJson.of("gitea.treytartt.com", "admin", "tok"));
        JsonNode entry = json.path("auths").path("gitea.treytartt.com");
        assertThat(entry.path("username").asText()).isEqualTo("admin");
        assertThat(entry.path("password").asText()).isEqualTo("tok");
        assertThat(new String(Base64.getDecoder().decode(entry.path("auth").asText()))).isEqualTo("admin:tok");
        assertThatThrownBy(() -> DockerConfigJson.of("https://gitea.treytartt.com/", "a", "b")).hasMessageContaining("bare host");
    }

    // ------------------------------------------------------------------ probes and workloads

    @Test
    void probeBudgetsFollowSeed003() {
        assertThat(ProbePlan.api(8000).startup().budgetSeconds()).isEqualTo(240);
        assertThat(ProbePlan.api(8000).readiness().httpPath()).contains("/api/health/");
        assertThat(ProbePlan.api(8000).startup().httpPath()).contains("/api/health/");
        var nextJs = ProbePlan.nextJs(3000);
        assertThat(List.of(nextJs.startup(), nextJs.readiness())).allSatisfy(p -> assertThat(p.httpPath()).contains("/"));
        assertThat(nextJs.startup().failureThreshold()).isEqualTo(24);
        assertThat(nextJs.startup().budgetSeconds()).isEqualTo(120);
        assertThat(ProbePlan.redis(6379).readiness().execCommand()).noneMatch(a -> a.contains("-a "));
    }

    /** A failing dependency must take pods out of rotation (readiness), never restart every replica (liveness). */
    @Test
    void livenessIsATcpCheckOfTheServingPortAndNeverTheHealthPath() {
        var probes = Map.of("api", ProbePlan.api(8000), "web/admin", ProbePlan.nextJs(3000), "worker", ProbePlan.worker(6060));
        probes.forEach((who, p) -> {
            assertThat(p.liveness().httpPath()).as(who + " liveness").isEmpty();
            assertThat(p.liveness().execCommand()).as(who + " liveness").isEmpty();
            assertThat(p.liveness().port()).as(who + " liveness port").isEqualTo(p.readiness().port());
            assertThat(p.readiness().httpPath()).as(who + " readiness").isPresent();
            assertThat(p.liveness()).as(who).isNotEqualTo(p.readiness());
        });
        assertThat(ProbePlan.worker(6060).readiness().httpPath()).contains("/healthz");
    }

    @Test
    void wholeAppRequestsAboutOneGigabyteAndEveryWorkloadHasLimits() {
        var specs = WorkloadPlan.deployments(StackFixtures.config("ovh").app());
        assertThat(WorkloadPlan.totalMemoryRequestMi(specs)).isBetween(900L, 1200L);
        assertThat(specs).allSatisfy(s -> {
            assertThat(s.resources().memoryLimitMi()).isGreaterThanOrEqualTo(s.resources().memoryRequestMi());
            assertThat(s.runAsUser()).isPositive();
            assertThat(s.writablePaths()).contains("/tmp");
        });
        assertThat(specs).filteredOn(s -> s.recreateBecause().isPresent()).extracting(WorkloadSpec::name).containsExactlyInAnyOrder("worker", "redis");
    }

    // ------------------------------------------------------------------ network policies

    @Test
    void networkPolicyPlanHasTwelvePoliciesWithDefaultDenyFirst() {
        var plan = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(List.of("51.81.83.33"), false, 5432, 587));
        assertThat(plan).hasSize(12);
        assertThat(plan).extracting(NetworkPolicyPlan.Policy::name).doesNotHaveDuplicates()
                .doesNotContain("allow-egress-from-vmagent", "alloy-logs");
        var deny = plan.get(0);
        assertThat(deny.podNames()).isEmpty();
        assertThat(deny.policyTypes()).containsExactly("Ingress", "Egress");
        assertThat(deny.ingress()).isEmpty();
        assertThat(deny.egress()).isEmpty();
    }

    @Test
    void externalEgressUsesTheInternetMinusClusterCidrsOnExactPorts() {
        var plan = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(List.of("51.81.83.33"), false, 5432, 587));
        var data = policy(plan, "allow-egress-api-worker-data");
        assertThat(data.podNames()).containsExactly("api", "worker");
        var external = data.egress().get(0);
        assertThat(external.peers()).singleElement().satisfies(p -> {
            assertThat(p).isEqualTo(new NetworkPeer.IpBlock("0.0.0.0/0", List.of("10.42.0.0/16", "10.43.0.0/16")));
        });
        assertThat(external.ports()).extracting(NetworkPort::port).containsExactly(5432, 443);
        // Redis is in-cluster: matched by pod labels, never by Service IP (egress is checked after DNAT, §9.2).
        assertThat(podLabels(data.egress().get(1).peers().get(0))).containsEntry("app.kubernetes.io/name", "redis");
        assertThat(policy(plan, "allow-egress-worker-smtp").egress().get(0).ports()).extracting(NetworkPort::port).containsExactly(587);
        assertThat(policy(plan, "allow-egress-migrate-postgres").podNames()).containsExactly("migrate");
        assertThat(policy(plan, "allow-dns").egress().get(0).ports()).extracting(NetworkPort::protocol)
                .containsExactly("UDP", "TCP");
    }

    /** Seed 003: the admin panel's server-side routes (admin/src/app/api/*) call the api; both ends must allow it. */
    @Test
    void adminReachesTheApiThroughTheDefaultDeny() {
        for (boolean hostNetwork : List.of(false, true)) {
            var plan = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(List.of("51.81.83.33"), hostNetwork, 5432, 587));
            var egress = policy(plan, "allow-egress-admin-to-api");
            assertThat(egress.podNames()).containsExactly("admin");
            assertThat(egress.policyTypes()).containsExactly("Egress");
            assertThat(egress.egress()).singleElement().satisfies(r -> {
                assertThat(r.peers()).singleElement().satisfies(p -> assertThat(podLabels(p))
                        .containsExactly(Map.entry("app.kubernetes.io/name", "api")));
                assertThat(r.ports()).extracting(NetworkPort::port).containsExactly(8000);
            });
            var apiIngress = policy(plan, "allow-ingress-api").ingress();
            assertThat(apiIngress).singleElement().satisfies(r -> {
                assertThat(r.peers()).extracting(p -> podLabels(p).get("app.kubernetes.io/name")).contains("admin");
                assertThat(r.ports()).extracting(NetworkPort::port).containsExactly(8000);
            });
        }
    }

    @Test
    void hostNetworkTraefikAdmitsEveryNodeAddress() {
        var nodes = List.of("178.104.247.152", "178.105.32.198", "178.104.249.189");
        var hetzner = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(nodes, true, 5432, 587));
        for (String name : List.of("allow-ingress-api", "allow-ingress-web", "allow-ingress-admin")) {
            var peers = policy(hetzner, name).ingress().get(0).peers();
            assertThat(peers).extracting(p -> cidr(p).orElse("pods"))
                    .contains("178.104.247.152/32", "178.105.32.198/32", "178.104.249.189/32", "pods",
                            "10.42.0.0/16"); // the peers' flannel addresses, for cross-node hops over VXLAN
        }
        var ovh = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(nodes, false, 5432, 587));
        assertThat(policy(ovh, "allow-ingress-api").ingress().get(0).peers()).as("klipper-lb: Traefik is matched as its pods")
                .noneMatch(p -> cidr(p).isPresent());
        // Worker metrics (runbook §11 item 6): a 12th policy admits vmagent on the worker's port, nothing else.
        var withWorkerMetrics = NetworkPolicyPlan.plan(new NetworkPolicyPlan.Inputs(nodes, false, 5432, 587, java.util.OptionalInt.of(6060)));
        assertThat(withWorkerMetrics).hasSize(ovh.size() + 1);
        var workerMetrics = withWorkerMetrics.get(withWorkerMetrics.size() - 1);
        assertThat(workerMetrics.name()).isEqualTo("allow-ingress-worker-metrics");
        assertThat(workerMetrics.podNames()).containsExactly("worker");
        assertThat(workerMetrics.egress()).isEmpty();
        assertThat(policy(ovh, "allow-ingress-web").ingress().get(0).peers()).allSatisfy(p -> assertThat(cidr(p)).isEmpty());
        assertThat(policy(ovh, "allow-ingress-api").ingress().get(0).peers()).extracting(p -> podLabels(p).get("app.kubernetes.io/name"))
                .contains("traefik", "web", "admin", "vmagent");
    }

    // ------------------------------------------------------------------ ingress and Traefik

    @Test
    void ingressPlanSeparatesAdminAndExemptsOnlyTheHealthPath() {
        var routes = List.of(IngressRoute.parse("api.myhoneydue.com=api"), IngressRoute.parse("myhoneydue.com=api"),
                IngressRoute.parse("admin.myhoneydue.com=admin"));
        var on = IngressPlan.plan(routes, true, false, Optional.of("api.myhoneydue.com"));
        assertThat(on).extracting(IngressPlan.IngressSpec::name).containsExactly("honeydue-public", "honeydue-admin", "honeydue-api-health");
        assertThat(on.get(0).middlewares()).containsExactly("cloudflare-only");
        assertThat(on.get(1).middlewares()).containsExactly("cloudflare-only", "admin-basic-auth");
        assertThat(on.get(2).middlewares()).isEmpty();
        assertThat(on.get(2).exactPath()).contains("/api/health/");
        var off = IngressPlan.plan(routes, false, true, Optional.empty());
        assertThat(off).hasSize(2);
        assertThat(off.get(0).middlewares()).isEmpty();
        assertThat(off.get(1).middlewares()).containsExactly("admin-basic-auth");
        assertThat(off).allSatisfy(s -> {
            assertThat(s.tls()).isTrue();
            assertThat(s.entrypoint()).isEqualTo("websecure");
        });
        assertThat(IngressPlan.middlewareRef("honeydue", "cloudflare-only")).isEqualTo("honeydue-cloudflare-only@kubernetescrd");
    }

    /** klipper-lb masquerades the client address: an ipAllowList there would answer 403 to every request. */
    @Test
    void cloudflareOnlyExistsOnlyWhereTraefikSeesTheClientAndAdmitsTheNodes() {
        List<String> cloudflare = List.of("173.245.48.0/20", "2400:cb00::/32");
        List<String> nodes = List.of("178.104.247.152", "178.105.32.198");
        assertThat(CloudflareOnlyPlan.sourceRange(cloudflare, nodes, false)).as("klipper-lb").isEmpty();
        assertThat(CloudflareOnlyPlan.sourceRange(List.of(), nodes, true)).as("allow-list off").isEmpty();
        assertThat(CloudflareOnlyPlan.sourceRange(cloudflare, nodes, true)).as("hostNetwork Traefik")
                .contains(List.of("173.245.48.0/20", "2400:cb00::/32", "178.104.247.152/32", "178.105.32.198/32"));
    }

    @Test
    void ingressRouteParsingExplainsTheForm() {
        assertThat(IngressRoute.parse("app.myhoneydue.com=web")).isEqualTo(new IngressRoute("app.myhoneydue.com", "web"));
        assertThatThrownBy(() -> IngressRoute.parse("api.myhoneydue.com")).hasMessageContaining("<host>=<service>");
        assertThatThrownBy(() -> IngressRoute.parse("API.example.com=api")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> IngressRoute.parse("x.example.com=redis")).hasMessageContaining("not routable");
    }

    @Test
    void traefikValuesAreTheDaemonSetOrTheDrainSafeDeploymentAndMergeDeeply() throws Exception {
        // klipper-lb: k3s' Deployment, raised to two replicas with a PDB so a drain never takes all ingress down.
        JsonNode klipper = new ObjectMapper(new YAMLFactory()).readTree(TraefikValues.yaml(TraefikValues.values(false, "192.0.2.1", Map.of())));
        assertThat(klipper.at("/deployment/replicas").asInt()).isEqualTo(2);
        assertThat(klipper.at("/deployment/kind").isMissingNode()).isTrue();
        assertThat(klipper.at("/podDisruptionBudget/enabled").asBoolean()).isTrue();
        assertThat(klipper.at("/podDisruptionBudget/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(klipper.at("/topologySpreadConstraints/0/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(klipper.at("/topologySpreadConstraints/0/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("traefik");
        assertThat(klipper.has("hostNetwork")).isFalse();
        var extra = Map.<String, Object>of("metrics", Map.of("prometheus", Map.of("entryPoint", "metrics")),
                "ports", Map.of("metrics", Map.of("port", 9100)));
        var merged = TraefikValues.values(true, "192.0.2.1", extra);
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(TraefikValues.yaml(merged));
        assertThat(yaml.path("ports").path("web").path("port").asInt()).isEqualTo(80);
        assertThat(yaml.path("ports").path("metrics").path("port").asInt()).isEqualTo(9100);
        assertThat(yaml.path("metrics").path("prometheus").path("entryPoint").asText()).isEqualTo("metrics");
        assertThat(yaml.path("deployment").path("kind").asText()).isEqualTo("DaemonSet");
        assertThat(TraefikValues.values(false, "192.0.2.1", extra)).containsKeys("metrics", "ports", "deployment", "podDisruptionBudget");
        assertThat(TraefikValues.values(true, "192.0.2.1", Map.of())).doesNotContainKey("podDisruptionBudget");
        assertThat(TraefikValues.yaml(merged)).isEqualTo(TraefikValues.yaml(TraefikValues.values(true, "192.0.2.1", extra)));
    }

    @Test
    void smokeCheckEnvironmentTargetsTheNodesOwnAddress() {
        var env = SmokeCheckPlan.environment("1.2.3.4", new AppConfig.SmokeCheck(true, "api.example.com", 5, 2),
                List.of(IngressRoute.parse("api.example.com=api"), IngressRoute.parse("app.example.com=web")));
        assertThat(env).containsEntry("ROUTE_HOSTS", "api.example.com app.example.com");
        assertThat(env).containsEntry("NODE_IPS", "1.2.3.4").containsEntry("SMOKE_HOST", "api.example.com")
                .containsEntry("ATTEMPTS", "5").containsEntry("DELAY_SECONDS", "2").containsEntry("SMOKE_PATH", "/api/health/");
        // A node step: lib.sh supplies the shebang, strict mode, log and die; the step must not redefine them.
        String script = com.honeydue.infra.cluster.RemoteStep.of("smoke-check", SmokeCheckPlan.SCRIPT, env).script();
        assertThat(script.split("#!/", -1)).as("one shebang, lib.sh's").hasSize(2);
        assertThat(script.split("log\\(\\) \\{", -1)).as("one log(), lib.sh's").hasSize(2);
        assertThat(script.substring(script.indexOf("# Step: post-deploy smoke check"))).as("the step itself").contains("die ");
    }

    private static NetworkPolicyPlan.Policy policy(List<NetworkPolicyPlan.Policy> plan, String name) {
        return plan.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> podLabels(NetworkPeer peer) {
        return peer instanceof NetworkPeer.Pods pods ? pods.podLabels() : Map.of();
    }

    private static Optional<String> cidr(NetworkPeer peer) {
        return peer instanceof NetworkPeer.IpBlock ip ? Optional.of(ip.cidr()) : Optional.empty();
    }
}
