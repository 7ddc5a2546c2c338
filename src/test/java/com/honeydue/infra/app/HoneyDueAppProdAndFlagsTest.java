package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.config.ConfigValidationException;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.StackRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Hetzner (prod) stack, the optional flags, and config validation. */
class HoneyDueAppProdAndFlagsTest {

    @Test
    void prodRunsTraefikAsAHostNetworkDaemonSetViaOneHelmChartConfig() throws Exception {
        StackRun prod = StackFixtures.run("prod");
        var configs = prod.ofType("kubernetes:helm.cattle.io/v1:HelmChartConfig");
        assertThat(configs).singleElement().satisfies(c -> {
            assertThat(c.inputs().path("metadata").path("name").asText()).isEqualTo("traefik");
            assertThat(c.inputs().path("metadata").path("namespace").asText()).isEqualTo("kube-system");
            assertThat(c.parent()).isEqualTo(AppStacks.component(prod).urn());
        });
        JsonNode values = new ObjectMapper(new YAMLFactory())
                .readTree(configs.get(0).inputs().path("spec").path("valuesContent").asText());
        assertThat(values.path("deployment").path("kind").asText()).isEqualTo("DaemonSet");
        assertThat(values.path("hostNetwork").asBoolean()).isTrue();
        assertThat(values.path("ports").path("web").path("port").asInt()).isEqualTo(80);
        assertThat(values.path("ports").path("websecure").path("port").asInt()).isEqualTo(443);
        assertThat(values.path("updateStrategy").path("rollingUpdate").path("maxUnavailable").asInt()).isEqualTo(1);
        assertThat(values.path("podSecurityContext").path("runAsNonRoot").asBoolean()).isTrue();
        // servicelb is off, so Traefik's LoadBalancer Service never gets an address and, with k3s' publishedService,
        // no Ingress ever got a status: pulumi-kubernetes' Ingress await timed out on every `up`. Traefik publishes
        // the first node's address instead.
        assertThat(values.at("/providers/kubernetesIngress/publishedService/enabled").asBoolean(true)).isFalse();
        assertThat(values.path("additionalArguments")).extracting(JsonNode::asText)
                .containsExactly("--providers.kubernetesingress.ingressendpoint.ip=178.104.247.152");
        // No Ingress skips the await: it still proves Traefik picked the Ingress up and the backends have Endpoints.
        prod.ofType("kubernetes:networking.k8s.io/v1:Ingress").forEach(i -> assertThat(i.inputs().at("/metadata/annotations")
                .has("pulumi.com/skipAwait")).as(i.name()).isFalse());
    }

    @Test
    void prodAdmitsTheNodeAddressesBecauseTraefikUsesTheHostNetwork() {
        StackRun prod = StackFixtures.run("prod");
        String api = prod.named("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow-ingress-api").inputs().toString();
        assertThat(api).contains("178.104.247.152/32", "178.105.32.198/32", "178.104.249.189/32", "traefik");
        assertThat(AppStacks.appOfType(prod, "kubernetes:networking.k8s.io/v1:NetworkPolicy")).hasSize(12);
        JsonNode pub = prod.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-public").inputs();
        assertThat(pub.path("spec").path("rules").findValuesAsText("host")).containsExactly("api.myhoneydue.com", "myhoneydue.com");
        // web stays deployed on prod (same workloads on both providers), it just has no public host there.
        assertThat(prod.named("kubernetes:apps/v1:Deployment", "web")).isNotNull();
    }

    /** hostNetwork Traefik sees Cloudflare's address: there cloudflare-only guards every route but the health check. */
    @Test
    void prodAttachesCloudflareOnlyEverywhereButTheHealthRouteAndAdmitsTheNodes() {
        StackRun prod = StackFixtures.run("prod");
        String annotation = "traefik.ingress.kubernetes.io/router.middlewares";
        JsonNode pub = prod.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-public").inputs();
        JsonNode admin = prod.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-admin").inputs();
        JsonNode health = prod.named("kubernetes:networking.k8s.io/v1:Ingress", "honeydue-api-health").inputs();
        assertThat(pub.at("/metadata/annotations").path(annotation).asText()).isEqualTo("honeydue-cloudflare-only@kubernetescrd");
        assertThat(admin.at("/metadata/annotations").path(annotation).asText())
                .isEqualTo("honeydue-cloudflare-only@kubernetescrd,honeydue-admin-basic-auth@kubernetescrd");
        assertThat(health.at("/metadata/annotations").has(annotation)).isFalse();
        List<String> ranges = new java.util.ArrayList<>();
        prod.named("kubernetes:traefik.io/v1alpha1:Middleware", "cloudflare-only").inputs()
                .at("/spec/ipAllowList/sourceRange").forEach(n -> ranges.add(n.asText()));
        // The on-node smoke check's requests come from the node itself.
        assertThat(ranges).containsAll(StackFixtures.config("prod").edge().allowListCidrs())
                .contains("178.104.247.152/32", "178.105.32.198/32", "178.104.249.189/32");
    }

    @Test
    void kyvernoFlagRegistersOneClusterPolicyForTheRegistry() {
        String key = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEtest\n-----END PUBLIC KEY-----";
        StackRun run = MockStackRunner.run(AppStacks.config("ovh", Map.of("kyvernoVerifyImages", true, "kyvernoPublicKey", key)));
        var policy = run.named("kubernetes:kyverno.io/v1:ClusterPolicy", KyvernoPolicyPlan.NAME);
        JsonNode verify = policy.inputs().path("spec").path("rules").get(0).path("verifyImages").get(0);
        assertThat(verify.path("imageReferences").get(0).asText()).isEqualTo("gitea.treytartt.com/*");
        assertThat(verify.path("attestors").get(0).path("entries").get(0).path("keys").path("publicKeys").asText()).isEqualTo(key);
    }

    @Test
    void workerActiveFalseScalesTheWorkerToZero() {
        StackRun run = MockStackRunner.run(AppStacks.config("ovh", Map.of("workerActive", false)));
        assertThat(run.named("kubernetes:apps/v1:Deployment", "worker").inputs().path("spec").path("replicas").asDouble()).isZero();
    }

    @Test
    void smokeCheckCanBeSwitchedOff() {
        StackRun run = MockStackRunner.run(AppStacks.config("ovh", Map.of("smokeCheckEnabled", false)));
        assertThat(run.ofType("command:local:Command")).isEmpty();
        assertThat(run.outputs().get("smokeTestCommands")).hasSize(3);
    }

    @Test
    void validationRejectsEveryGotchaAtOnceNamingTheKeys() {
        var raw = AppStacks.raw("ovh", Map.of(
                "workerReplicas", 2,
                "apiImage", "gitea.treytartt.com/admin/honeydue-api:latest",
                "postgresDirectHost", "ep-floral-truth-amttbc5a-pooler.c-5.us-east-1.aws.neon.tech",
                "kratosEnabled", true,
                "kyvernoVerifyImages", true,
                "ingressRoutes", List.of("api.myhoneydue.com=api", "shop.myhoneydue.com=shop"),
                "otelTracesSamplerArg", "ten percent"));
        assertThatThrownBy(() -> com.honeydue.infra.stack.StackConfigLoader.load(AppStacks.schema(), raw))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("workerReplicas").hasMessageContaining("0 or 1").hasMessageContaining("§9.7")
                .hasMessageContaining("apiImage").hasMessageContaining("not pinned by digest")
                .hasMessageContaining("postgresDirectHost").hasMessageContaining("pooler")
                .hasMessageContaining("kratosEnabled").hasMessageContaining("not supported")
                .hasMessageContaining("kyvernoPublicKey")
                .hasMessageContaining("ingressRoutes[1]").hasMessageContaining("shop")
                .hasMessageContaining("otelTracesSamplerArg");
    }

    @Test
    void unpinnedImagesPassOnlyWithTheExplicitOptOut() {
        var config = AppStacks.config("ovh", Map.of("apiImage", "gitea.treytartt.com/admin/honeydue-api:latest",
                "allowUnpinnedImages", true));
        assertThat(config.app().images().api().pinned()).isFalse();
        StackRun run = MockStackRunner.run(config);
        assertThat(run.ofType("kubernetes:batch/v1:Job")).singleElement()
                .satisfies(j -> assertThat(j.name()).matches("migrate-[0-9a-f]{12}").isNotEqualTo("migrate-34fde6000000"));
    }
}
