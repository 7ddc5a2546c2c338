package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.cluster.RemoteStep;
import com.honeydue.infra.config.NodeSpec;
import com.honeydue.infra.config.StackConfig;
import com.honeydue.infra.engine.Declaration;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.ObservedRun;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderOutputTest {
    private static RenderGraph graph;
    private static SortedMap<String, String> files;
    private static JsonNode plan;

    @BeforeAll
    static void renderOvh() throws IOException {
        StackConfig config = StackFixtures.config("ovh");
        graph = RenderGraph.of(MockStackRunner.runObserved(config), config.cluster().nodes());
        files = Renderer.files(graph);
        plan = CanonicalJson.MAPPER.readTree(files.get("plan.json"));
    }

    @Test
    void planJsonHasTheDocumentedSchema() {
        assertThat(plan.get("project").asText()).isEqualTo("honeydue-infra");
        assertThat(plan.get("stack").asText()).isEqualTo("ovh");
        assertThat(plan.get("outputs").isObject()).isTrue();
        assertThat(plan.get("nodes")).hasSize(3);
        assertThat(plan.get("resources").size()).isEqualTo(graph.nodes().size()).isGreaterThan(10);
        for (JsonNode r : plan.get("resources")) {
            assertThat(r.get("urn").isTextual()).isTrue();
            assertThat(r.get("urn").asText()).startsWith("urn:pulumi:ovh::honeydue-infra::");
            assertThat(r.get("type").isTextual()).isTrue();
            assertThat(r.get("name").isTextual()).isTrue();
            assertThat(r.get("parent").isNull() || r.get("parent").isTextual()).isTrue();
            assertThat(r.get("dependsOn").isArray()).isTrue();
            r.get("dependsOn").forEach(d -> assertThat(d.isTextual()).isTrue());
            assertThat(r.get("provider").isNull() || r.get("provider").isTextual()).isTrue();
            assertThat(r.get("inputs").isObject()).isTrue();
        }
        assertThat(plan.get("resources").get(0).get("type").asText()).isEqualTo("pulumi:pulumi:Stack");
        assertThat(plan.get("resources").get(0).get("parent").isNull()).isTrue();
        assertThat(plan.get("outputs").get("kubeconfig").asText()).isEqualTo("[secret]");
        assertThat(plan.toString()).as("whole numbers are integers").contains("\"port\":22").doesNotContain("22.0");
    }

    @Test
    void everyReferencedUrnIsAResourceEarlierInTheOrder() {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < plan.get("resources").size(); i++) {
            index.put(plan.get("resources").get(i).get("urn").asText(), i);
        }
        for (int i = 0; i < plan.get("resources").size(); i++) {
            JsonNode r = plan.get("resources").get(i);
            int self = i;
            r.get("dependsOn").forEach(d -> assertThat(index.get(d.asText())).isNotNull().isLessThan(self));
            if (!r.get("parent").isNull()) {
                assertThat(index.get(r.get("parent").asText())).isLessThan(self);
            }
        }
    }

    @Test
    void theKubernetesProviderDependsOnTheKubeconfigCommandThroughAnOutputOnly() {
        RenderGraph.Node provider = graph.nodes().stream().filter(n -> n.type().equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        String kubeconfig = graph.run().named("command:remote:Command", "ovhcloud1-kubeconfig").urn();
        assertThat(provider.dependsOn()).containsExactly(kubeconfig);
        ObservedRun observed = MockStackRunner.runObserved(StackFixtures.config("ovh"));
        Declaration declared = observed.declarations().stream().filter(d -> d.urn().equals(provider.urn())).findFirst().orElseThrow();
        assertThat(declared.explicitDependsOn()).as("no explicit dependsOn: the edge is implicit").isEmpty();
        JsonNode inPlan = resource("pulumi:providers:kubernetes", "cluster-k8s");
        assertThat(inPlan.get("dependsOn")).extracting(JsonNode::asText).containsExactly(kubeconfig);
        assertThat(inPlan.get("inputs").get("kubeconfig").asText()).isEqualTo("[secret]");
    }

    @Test
    void wavesFollowTheJoinChainAndTheCriticalPathEndsAtTheNodeLabels() {
        assertThat(graph.waves().get(0)).extracting(RenderGraph.Node::name)
                .containsExactly("ovhcloud1-bootstrap", "ovhcloud2-bootstrap", "ovhcloud3-bootstrap");
        assertThat(graph.criticalPath()).extracting(RenderGraph.Node::name).containsExactly("ovhcloud1-bootstrap",
                "ovhcloud1-firewall", "ovhcloud1-k3s-init", "ovhcloud1-node-token", "ovhcloud2-k3s-join", "ovhcloud3-k3s-join",
                "ovhcloud1-kubeconfig", "cluster-k8s", "vps-1624d691-labels");
        assertThat(files.get("PLAN.md")).contains("## Order of operations", "**Wave 9** (1 resource)", "## Critical path",
                "### ovhcloud2 (51.81.87.86, node vps-c0f51be2)", "## DNS records", "## Stack outputs",
                "| cluster (honeydue:cluster:K3sNodeGroup) | `command:remote:Command` | 11 |");
    }

    @Test
    void nodeStepsSplitTheCommandIntoEnvAndScriptInRunOrder() throws IOException {
        assertThat(files.keySet().stream().filter(f -> f.startsWith("nodes/ovhcloud1/"))).containsExactly(
                "nodes/ovhcloud1/01-bootstrap.env", "nodes/ovhcloud1/01-bootstrap.sh", "nodes/ovhcloud1/02-firewall.env",
                "nodes/ovhcloud1/02-firewall.sh", "nodes/ovhcloud1/03-k3s-init.env", "nodes/ovhcloud1/03-k3s-init.sh",
                "nodes/ovhcloud1/04-node-token.env", "nodes/ovhcloud1/04-node-token.sh", "nodes/ovhcloud1/05-kubeconfig.env",
                "nodes/ovhcloud1/05-kubeconfig.sh");
        String create = graph.run().named("command:remote:Command", "ovhcloud2-k3s-join").inputs().get("create").asText();
        RemoteStep step = RemoteStep.parse(create);
        assertThat(files.get("nodes/ovhcloud2/03-k3s-join.env")).isEqualTo(step.envFile()).contains("JOIN='true'");
        assertThat(files.get("nodes/ovhcloud2/03-k3s-join.sh")).isEqualTo(step.script()).startsWith("#!/usr/bin/env bash");
        assertThat(files.get("nodes/ovhcloud2/03-k3s-join.env") + files.get("nodes/ovhcloud2/03-k3s-join.sh")).isEqualTo(
                create.replace("export ", ""));
    }

    @Test
    void kubernetesObjectsAreTheExactObjectsNamedByKindNamespaceAndName() throws IOException {
        assertThat(files.keySet().stream().filter(f -> f.startsWith("k8s/"))).containsExactly("k8s/01-nodepatch-_cluster-vps-1624d691.yaml");
        JsonNode object = Yaml.MAPPER.readTree(files.get("k8s/01-nodepatch-_cluster-vps-1624d691.yaml"));
        assertThat(object).isEqualTo(CanonicalJson.of(graph.run().named("kubernetes:core/v1:NodePatch", "vps-1624d691-labels").inputs()));
        assertThat(files.get("k8s/01-nodepatch-_cluster-vps-1624d691.yaml")).startsWith("apiVersion: v1\nkind: Node\nmetadata:\n")
                .contains("honeydue/redis: \"true\"");
    }

    @Test
    void yamlKeepsStringsThatLookLikeOtherTypesAsStrings() throws IOException {
        ObjectNode tricky = JsonNodeFactory.instance.objectNode();
        tricky.put("a", "true").put("b", "0600").put("c", "1.0").put("d", "null").put("e", "multi\nline\n").put("f", 3).put("g", "yes");
        assertThat(Yaml.MAPPER.readTree(Yaml.write(tricky))).isEqualTo(tricky);
    }

    @Test
    void dnsRecordsAreExtractedGenericallyFromTheirResourceType() {
        assertThat(files.get("dns.json")).isEqualTo("[]\n");
        var inputs = JsonNodeFactory.instance.objectNode().put("zoneId", "zone-1").put("name", "api").put("type", "A")
                .put("content", "51.81.83.33").put("proxied", true).put("ttl", 1.0);
        String stack = "urn:pulumi:t::p::pulumi:pulumi:Stack::p-t";
        var run = new StackRun("p", "t", List.of(
                new RecordedResource(stack, "pulumi:pulumi:Stack", "p-t", null, List.of(), JsonNodeFactory.instance.objectNode(), Set.of(), false, null),
                new RecordedResource("urn:pulumi:t::p::cloudflare:index/dnsRecord:DnsRecord::api-1", DnsRecords.DNS_RECORD, "api-1",
                        stack, List.of(), inputs, Set.of(), true, null)), Map.of(), Map.of());
        var synthetic = RenderGraph.of(new ObservedRun(run, List.of()),
                List.of(new NodeSpec("n1", "51.81.83.33", Optional.empty(), "vps-1")));
        var dns = DnsRecords.extract(synthetic);
        assertThat(dns).hasSize(1);
        assertThat(dns.get(0).toString()).isEqualTo(
                "{\"zone\":\"zone-1\",\"name\":\"api\",\"type\":\"A\",\"content\":\"51.81.83.33\",\"proxied\":true,\"ttl\":1}");
        assertThat(Renderer.files(synthetic).get("PLAN.md")).contains("| zone-1 | api | A | 51.81.83.33 | true | 1 |");
    }

    @Test
    void twoRendersOfTheSameInputsAreByteIdentical(@TempDir Path tmp) throws IOException {
        StackConfig config = StackFixtures.config("ovh");
        Renderer.write(Renderer.render(config, line -> { }), tmp.resolve("a"));
        Renderer.write(Renderer.render(config, line -> { }), tmp.resolve("b"));
        List<Path> a = tree(tmp.resolve("a"));
        List<Path> b = tree(tmp.resolve("b"));
        assertThat(a).isEqualTo(b).hasSizeGreaterThan(20);
        for (Path rel : a) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(rel))).as(rel.toString())
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(rel)));
        }
    }

    @Test
    void graphSvgShowsEveryResourceAndWave() {
        String svg = files.get("graph.svg");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("wave 9", "ovhcloud2-k3s-join", "cluster (honeydue:cluster:K3sNodeGroup)", "marker-end=\"url(#arrow)\"");
        assertThat(svg.split("marker-end=", -1).length - 1).as("one edge per waits-for pair")
                .isEqualTo(graph.customNodes().stream().mapToInt(n -> graph.waitsFor(n).size()).sum());
    }

    private static JsonNode resource(String type, String name) {
        for (JsonNode r : plan.get("resources")) {
            if (r.get("type").asText().equals(type) && r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(type + " " + name);
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
