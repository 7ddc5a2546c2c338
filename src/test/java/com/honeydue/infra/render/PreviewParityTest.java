package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.engine.MockStackRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parity check between a render's plan.json and `pulumi preview --json`. The preview side is built here in the
 * engine's JSON shape from the same recorded run, then perturbed, so each rule is shown to catch what it names.
 */
class PreviewParityTest {
    private static final String UNKNOWN = InputParity.UNKNOWN;

    private static JsonNode plan() {
        StackConfig config = StackFixtures.config("prod");
        return PlanJson.of(RenderGraph.of(MockStackRunner.runObserved(config), config.cluster().nodes()));
    }

    /** The preview the engine would print for this plan: one create step per resource, in its JSON shape. */
    private static ObjectNode previewOf(JsonNode plan) {
        ObjectNode preview = CanonicalJson.MAPPER.createObjectNode();
        var steps = preview.putArray("steps");
        for (JsonNode r : plan.path("resources")) {
            ObjectNode step = steps.addObject();
            step.put("op", "create");
            step.put("urn", r.path("urn").asText());
            ObjectNode state = step.putObject("newState");
            state.put("urn", r.path("urn").asText());
            state.put("type", r.path("type").asText());
            boolean component = !r.path("type").asText().contains(":providers:") && r.path("type").asText().startsWith("honeydue:")
                    || r.path("type").asText().equals("pulumi:pulumi:Stack");
            state.put("custom", !component);
            if (!r.path("parent").isNull()) {
                state.put("parent", r.path("parent").asText());
            }
            state.set("inputs", r.path("inputs").deepCopy());
            state.set("dependencies", r.path("dependsOn").deepCopy());
            state.set("propertyDependencies", r.path("propertyDependencies").deepCopy());
            if (!r.path("provider").isNull()) {
                state.put("provider", r.path("provider").asText() + "::" + UNKNOWN);
            }
        }
        return preview;
    }

    private static ObjectNode state(ObjectNode preview, String urnSuffix) {
        for (JsonNode step : preview.path("steps")) {
            if (step.path("urn").asText().endsWith(urnSuffix)) {
                return (ObjectNode) step.path("newState");
            }
        }
        throw new AssertionError("no step " + urnSuffix);
    }

    @Test
    void theSameProgramAgreesAndReportsItsCounts() {
        JsonNode plan = plan();
        var report = PreviewParity.compare(plan, previewOf(plan));
        assertThat(report.differences()).isEmpty();
        assertThat(report.agrees()).isTrue();
        assertThat(report.ops()).containsEntry("create", plan.path("resources").size());
        assertThat(report.summary()).isEqualTo("parity prod: " + plan.path("resources").size() + "/"
                + plan.path("resources").size() + " resources, 0 input differences, 0 other differences");
    }

    @Test
    void aChangedInputIsReportedAtItsPath() {
        JsonNode plan = plan();
        ObjectNode preview = previewOf(plan);
        ObjectNode labels = (ObjectNode) state(preview, "NodePatch::ubuntu-8gb-nbg1-2-labels").path("inputs").path("metadata").path("labels");
        labels.put("honeydue/redis", "false");
        var report = PreviewParity.compare(plan, preview);
        assertThat(report.agrees()).isFalse();
        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.urn()).endsWith("ubuntu-8gb-nbg1-2-labels");
            assertThat(d.what()).isEqualTo("inputs/metadata/labels/honeydue~1redis: render \"true\", preview \"false\"");
        });
        assertThat(report.inputDifferences()).isEqualTo(1);
    }

    @Test
    void unknownsSecretsNumbersAndTheProviderVersionAreNotDifferences() {
        JsonNode plan = plan();
        ObjectNode preview = previewOf(plan);
        ObjectNode provider = (ObjectNode) state(preview, "pulumi:providers:kubernetes::cluster-k8s").path("inputs");
        provider.put("kubeconfig", UNKNOWN);
        provider.put("version", "4.0.0");
        provider.putObject("__internal");
        ObjectNode bootstrap = (ObjectNode) state(preview, "hetzner1-bootstrap").path("inputs");
        bootstrap.put("connection", "[secret]"); // pulumi-command's schema marks the whole connection secret
        var report = PreviewParity.compare(plan, preview);
        assertThat(report.differences()).isEmpty();
    }

    @Test
    void theDigestOfSecretsIsComparedByFormOnlyBecauseTheRenderDigestsPlaceholders() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String template = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"honeydue/secret-hmac-sha256\":\"%s\",\"other\":\"%s\"}}}}}";
        String a = "a".repeat(64);
        String b = "0123456789abcdef".repeat(4);
        JsonNode rendered = json.readTree(template.formatted(a, "x"));
        assertThat(InputParity.differences("kubernetes:apps/v1:Deployment", rendered, json.readTree(template.formatted(b, "x"))))
                .isEmpty();
        assertThat(InputParity.differences("kubernetes:apps/v1:Deployment", rendered, json.readTree(template.formatted("not-a-digest", "y"))))
                .containsExactly(
                        "/spec/template/metadata/annotations/honeydue~1secret-hmac-sha256: a digest of secrets must be 64 hex digits: render \"" + a + "\", preview \"not-a-digest\"",
                        "/spec/template/metadata/annotations/other: render \"x\", preview \"y\"");
    }

    @Test
    void anExtraInputOrAMissingResourceOrAnotherParentIsADifference() {
        JsonNode plan = plan();
        ObjectNode preview = previewOf(plan);
        ((ObjectNode) state(preview, "hetzner1-bootstrap").path("inputs")).put("version", "1.2.1");
        state(preview, "hetzner2-bootstrap").put("parent", "urn:pulumi:prod::honeydue-infra::pulumi:pulumi:Stack::honeydue-infra-prod");
        var steps = (com.fasterxml.jackson.databind.node.ArrayNode) preview.path("steps");
        steps.remove(steps.size() - 1);
        var report = PreviewParity.compare(plan, preview);
        assertThat(report.differences()).extracting(PreviewParity.Difference::what)
                .contains("inputs/version: only in the preview: \"1.2.1\"", "only in the render")
                .anyMatch(w -> w.startsWith("parent: render urn:pulumi:prod::honeydue-infra::honeydue:cluster:K3sNodeGroup::cluster"));
        assertThat(report.matched()).isEqualTo(plan.path("resources").size() - 1);
    }

    @Test
    void explicitDependenciesMustAgreeAndKnownPropertyDependenciesToo() {
        JsonNode plan = plan();
        ObjectNode preview = previewOf(plan);
        ObjectNode patch = state(preview, "NodePatch::ubuntu-8gb-nbg1-2-labels");
        patch.putArray("dependencies"); // the engine lost the explicit edge to the kubeconfig step
        ObjectNode firewall = state(preview, "hetzner2-firewall");
        firewall.putObject("propertyDependencies").putArray("create").add("urn:pulumi:prod::honeydue-infra::x::y");
        var report = PreviewParity.compare(plan, preview);
        List<String> what = report.differences().stream().map(PreviewParity.Difference::what).toList();
        assertThat(what).anyMatch(w -> w.equals("dependsOn: only in the render [urn:pulumi:prod::honeydue-infra::honeydue:cluster:K3sNodeGroup$command:remote:Command::kubeconfig], only in the preview []"));
        assertThat(what).anyMatch(w -> w.startsWith("dependencies of input create: render [], preview [urn:pulumi:prod::honeydue-infra::x::y]"));
    }

    @Test
    void aPropertyDependencyTheEngineCannotKnowYetIsNotCompared() {
        JsonNode plan = plan();
        ObjectNode preview = previewOf(plan);
        ObjectNode join = state(preview, "hetzner2-k3s-server");
        ((ObjectNode) join.path("inputs")).put("stdin", UNKNOWN);
        ObjectNode props = (ObjectNode) join.path("propertyDependencies");
        props.removeAll();
        props.putArray("stdin");
        // What the engine then lists: the explicit edges only. The join step's edge to node-token is explicit AND
        // through stdin, so it stays; were it only through stdin, the render's extra edge would still be accepted.
        var explicit = join.putArray("dependencies");
        for (JsonNode r : plan.path("resources")) {
            if (r.path("urn").asText().endsWith("hetzner2-k3s-server")) {
                r.path("dependsOn").forEach(u -> {
                    if (!u.asText().endsWith("::node-token")) {
                        explicit.add(u.asText());
                    }
                });
            }
        }
        var report = PreviewParity.compare(plan, preview);
        assertThat(report.differences()).isEmpty();
    }
}
