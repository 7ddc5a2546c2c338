package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.cluster.NodeStepPlan;
import com.honeydue.infra.cluster.RemoteStep;
import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.edge.EdgeConfig;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.engine.Declaration;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.ObservedRun;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderOutputTest {
    private static StackConfig config;
    private static RenderGraph graph;
    private static SortedMap<String, String> files;
    private static JsonNode plan;

    @BeforeAll
    static void renderOvh() throws IOException {
        config = StackFixtures.config("ovh");
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
    void theKubernetesProviderDependsOnTheKubeconfigCommandExplicitlyAndThroughItsOutput() {
        RenderGraph.Node provider = graph.nodes().stream().filter(n -> n.type().equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        RecordedResource kubeconfig = graph.run().named(NodeSteps.REMOTE_COMMAND, "kubeconfig");
        assertThat(kubeconfig.inputs().path("connection").path("host").asText()).as("read from the join target")
                .isEqualTo(config.cluster().joinTarget().ipv4());
        assertThat(provider.dependsOn()).containsExactly(kubeconfig.urn());
        ObservedRun observed = MockStackRunner.runObserved(config);
        Declaration declared = observed.declarations().stream().filter(d -> d.urn().equals(provider.urn())).findFirst().orElseThrow();
        // A real preview reports no dependency through an Output that is still unknown; the explicit edge survives.
        assertThat(declared.explicitDependsOn()).as("explicit, not only through the kubeconfig Output").containsExactly(kubeconfig.urn());
        JsonNode inPlan = resource("pulumi:providers:kubernetes", "cluster-k8s");
        assertThat(inPlan.get("dependsOn")).extracting(JsonNode::asText).containsExactly(kubeconfig.urn());
        assertThat(inPlan.get("propertyDependencies").get("kubeconfig")).extracting(JsonNode::asText).containsExactly(kubeconfig.urn());
        assertThat(inPlan.get("inputs").get("kubeconfig").asText()).isEqualTo("[secret]");
    }

    @Test
    void wavesFollowTheJoinChainAndTheCriticalPathRunsThroughIt() {
        ClusterConfig c = config.cluster();
        List<String> aliases = c.nodes().stream().map(NodeSpec::alias).toList();
        assertThat(graph.waves().get(0).stream().filter(n -> n.type().equals(NodeSteps.REMOTE_COMMAND)))
                .extracting(RenderGraph.Node::name).as("every node's bootstrap starts at once")
                .containsExactlyElementsOf(aliases.stream().map(a -> a + "-bootstrap").toList());

        // The cluster's chain, derived from config: the first server's bootstrap and firewall, the servers one at a
        // time with the token read after the initial one, then the members step, the kubeconfig and the provider.
        List<NodeSpec> order = c.serverOrder();
        assertThat(c.initialServer()).as("the committed ovh stack starts from an initial server").contains(order.get(0));
        List<String> chain = new ArrayList<>(List.of(order.get(0).alias() + "-bootstrap", order.get(0).alias() + "-firewall",
                order.get(0).alias() + "-k3s-server", "node-token"));
        order.stream().skip(1).forEach(n -> chain.add(n.alias() + "-k3s-server"));
        chain.addAll(List.of("cluster-members", "kubeconfig", "cluster-k8s"));
        List<RenderGraph.Node> path = graph.criticalPath();
        assertThat(path.subList(0, chain.size())).extracting(RenderGraph.Node::name).containsExactlyElementsOf(chain);
        assertThat(path).as("the critical path spans every wave").hasSize(graph.waveCount());
        for (int i = 0; i < path.size(); i++) {
            assertThat(path.get(i).wave()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(graph.waitsFor(path.get(i))).as(path.get(i).name()).contains(path.get(i - 1));
            }
        }

        // Ordering rules that hold whatever other components add.
        for (int i = 1; i < order.size(); i++) {
            RenderGraph.Node server = step(order.get(i).alias() + "-k3s-server");
            assertThat(graph.waitsFor(server)).as(server.name()).contains(step(order.get(i - 1).alias() + "-k3s-server"), step("node-token"))
                    .containsAll(aliases.stream().map(a -> step(a + "-firewall")).toList());
        }
        RenderGraph.Node kubeconfig = step("kubeconfig");
        assertThat(graph.waitsFor(step("cluster-members"))).contains(step(order.get(order.size() - 1).alias() + "-k3s-server"));
        assertThat(graph.waitsFor(kubeconfig)).contains(step("cluster-members"));
        List<RenderGraph.Node> k8s = graph.customNodes().stream().filter(n -> n.type().startsWith("kubernetes:")).toList();
        assertThat(k8s).as("nothing touches the cluster before its kubeconfig exists, and all of it through the cluster's provider")
                .isNotEmpty().allSatisfy(n -> {
                    assertThat(n.provider()).as(n.name()).isEqualTo(graph.run().named("pulumi:providers:kubernetes", "cluster-k8s").urn());
                    assertThat(n.wave()).as(n.name()).isGreaterThan(kubeconfig.wave() + 1);
                });

        String md = files.get("PLAN.md");
        assertThat(md).contains("## Order of operations", "**Wave " + graph.waveCount() + "** (", "## Critical path",
                "## Node steps", "## Local commands", "## Kubernetes objects", "## DNS records", "## Stack outputs",
                "| cluster (honeydue:cluster:K3sNodeGroup) | `command:remote:Command` | " + (4 * c.nodes().size() + 4) + " |");
        c.nodes().forEach(n -> assertThat(md).contains("### " + n.alias() + " (" + n.ipv4() + ", node " + n.k8sName() + ")"));
    }

    @Test
    void nodeStepsSplitTheCommandIntoEnvAndScriptInRunOrderWithTheirDeleteCommands() {
        ClusterConfig c = config.cluster();
        Map<String, List<NodeSteps.NodeStep>> steps = NodeSteps.extract(graph);
        assertThat(steps.keySet()).as("every remote step runs on a configured node, directories in config order")
                .containsExactlyElementsOf(c.nodes().stream().map(NodeSpec::alias).toList());
        String tokenHost = c.initialServer().orElse(c.joinTarget()).alias();
        Set<String> expectedFiles = new TreeSet<>();
        steps.forEach((node, list) -> {
            List<String> cluster = new ArrayList<>(List.of("bootstrap", "firewall", "k3s-removal", "k3s-server"));
            if (node.equals(tokenHost)) {
                cluster.add("node-token");
            }
            if (node.equals(c.joinTarget().alias())) {
                cluster.addAll(List.of("cluster-members", "kubeconfig", "ingress-ready"));
            }
            assertThat(list.stream().filter(s -> graph.componentLabel(s.source()).startsWith("cluster ")))
                    .as(node + ": the cluster's steps in run order").extracting(NodeSteps.NodeStep::step).containsExactlyElementsOf(cluster);
            for (int i = 0; i < list.size(); i++) {
                NodeSteps.NodeStep s = list.get(i);
                assertThat(s.fileStem()).as("numbered in run order").isEqualTo(String.format(Locale.ROOT, "%02d-%s", i + 1, s.step()));
                if (i > 0) {
                    assertThat(s.source().wave()).isGreaterThanOrEqualTo(list.get(i - 1).source().wave());
                }
                String base = "nodes/" + node + "/" + s.fileStem();
                expectedFiles.addAll(List.of(base + ".env", base + ".sh"));
                s.onDelete().ifPresent(d -> expectedFiles.addAll(List.of(base + ".delete.env", base + ".delete.sh")));
                assertThat(s.onDelete().isPresent()).as(base + ": only the removal step removes something on delete")
                        .isEqualTo(s.step().equals("k3s-removal"));
            }
        });
        assertThat(files.keySet().stream().filter(f -> f.startsWith("nodes/")).toList()).as("exactly the steps' files")
                .containsExactlyElementsOf(expectedFiles);

        // A joining server: .env + .sh are exactly the create string, and it has no delete (it never uninstalls).
        NodeSpec joining = c.serverOrder().get(1);
        RecordedResource server = graph.run().named(NodeSteps.REMOTE_COMMAND, joining.alias() + "-k3s-server");
        NodeSteps.NodeStep step = steps.get(joining.alias()).stream().filter(s -> s.step().equals("k3s-server")).findFirst().orElseThrow();
        String base = "nodes/" + joining.alias() + "/" + step.fileStem();
        String create = server.inputs().get("create").asText();
        assertThat(files.get(base + ".env")).isEqualTo(RemoteStep.parse(create).envFile()).contains("JOIN='true'");
        assertThat(files.get(base + ".sh")).isEqualTo(RemoteStep.parse(create).script()).startsWith("#!/usr/bin/env bash");
        assertThat(files.get(base + ".env") + files.get(base + ".sh")).isEqualTo(create.replace("export ", ""));
        assertThat(server.inputs().has("delete")).isFalse();
        assertThat(files).doesNotContainKey(base + ".delete.sh");
        // Its removal step carries the uninstall, rendered as the .delete pair.
        RecordedResource removal = graph.run().named(NodeSteps.REMOTE_COMMAND, joining.alias() + "-k3s-removal");
        NodeSteps.NodeStep removalStep = steps.get(joining.alias()).stream().filter(s -> s.step().equals("k3s-removal")).findFirst().orElseThrow();
        String removalBase = "nodes/" + joining.alias() + "/" + removalStep.fileStem();
        RemoteStep uninstall = NodeStepPlan.k3sUninstall(joining);
        assertThat(removal.inputs().get("delete").asText()).isEqualTo(uninstall.command());
        assertThat(files.get(removalBase + ".delete.env")).isEqualTo(uninstall.envFile()).contains("NODE_NAME='" + joining.k8sName() + "'");
        assertThat(files.get(removalBase + ".delete.sh")).isEqualTo(uninstall.script()).startsWith("#!/usr/bin/env bash");
        assertThat(files.get("PLAN.md")).contains("`" + removalStep.fileStem() + ".delete.sh` (NODE_NAME)");
    }

    @Test
    void kubernetesObjectsAreTheExactObjectsNamedByKindNamespaceAndName() throws IOException {
        List<KubernetesObjects.K8sObject> objects = KubernetesObjects.extract(graph);
        List<RenderGraph.Node> applied = graph.customNodes().stream()
                .filter(n -> n.type().startsWith("kubernetes:")).toList();
        assertThat(objects).extracting(KubernetesObjects.K8sObject::source).as("every Kubernetes resource, in resource order")
                .containsExactlyElementsOf(applied);
        assertThat(files.keySet().stream().filter(f -> f.startsWith("k8s/")).toList())
                .containsExactlyElementsOf(objects.stream().map(o -> "k8s/" + o.fileName()).toList());
        for (int i = 0; i < objects.size(); i++) {
            KubernetesObjects.K8sObject o = objects.get(i);
            String file = files.get("k8s/" + o.fileName());
            JsonNode in = o.source().resource().inputs();
            // Compared as JSON text: YAML reads small integers as int nodes where the canonical form has longs.
            JsonNode expected = CanonicalJson.of(in);
            if (o.kind().equals("Secret")) {
                // A Secret's data keeps its keys; each masked value is written as valid base64 (of "[secret]").
                var data = (com.fasterxml.jackson.databind.node.ObjectNode) expected.path("data");
                java.util.List<String> keys = new java.util.ArrayList<>();
                data.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(o.fileName() + ": a Secret's render keeps its keys").isNotEmpty();
                keys.forEach(k -> data.put(k, KubernetesObjects.MASKED_DATA_VALUE));
            }
            assertThat(CanonicalJson.of(Yaml.MAPPER.readTree(file)).toString()).as(o.fileName()).isEqualTo(expected.toString());
            assertThat(file).as(o.fileName()).startsWith("apiVersion: " + in.get("apiVersion").asText() + "\nkind: " + o.kind() + "\nmetadata:\n")
                    .doesNotContainPattern("(?m):\\s+-?\\d+\\.0$");
            String namespace = KubernetesObjects.CLUSTER_SCOPED_KINDS.contains(o.kind()) ? KubernetesObjects.CLUSTER_SCOPE
                    : in.path("metadata").path("namespace").asText("default");
            assertThat(o.namespace()).as(o.fileName()).isEqualTo(namespace);
            assertThat(o.fileName()).isEqualTo(String.format(Locale.ROOT, "%02d-%s-%s-%s.yaml", i + 1,
                    (o.kind() + (o.patch() ? "Patch" : "")).toLowerCase(Locale.ROOT), namespace, in.path("metadata").path("name").asText()));
            assertThat(files.get("PLAN.md")).contains("| k8s/" + o.fileName() + " | " + o.kind());
        }

        // The cluster's own objects: one label patch per node named in nodeLabels, nothing else.
        Map<String, Map<String, String>> labels = config.cluster().nodeLabels();
        List<KubernetesObjects.K8sObject> cluster = objects.stream()
                .filter(o -> graph.componentLabel(o.source()).equals("cluster (honeydue:cluster:K3sNodeGroup)")).toList();
        assertThat(cluster).extracting(KubernetesObjects.K8sObject::name).containsExactlyElementsOf(labels.keySet());
        assertThat(cluster).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo("Node");
            assertThat(o.patch()).isTrue();
            assertThat(o.namespace()).isEqualTo(KubernetesObjects.CLUSTER_SCOPE);
            assertThat(o.fileName()).endsWith("-nodepatch-_cluster-" + o.name() + ".yaml");
            labels.get(o.name()).forEach((k, v) -> assertThat(o.object().path("metadata").path("labels").path(k).asText()).isEqualTo(v));
        });
        assertThat(files.get("k8s/" + cluster.get(0).fileName())).contains("honeydue/redis: \"true\"");
    }

    @Test
    void yamlKeepsStringsThatLookLikeOtherTypesAsStrings() throws IOException {
        ObjectNode tricky = JsonNodeFactory.instance.objectNode();
        tricky.put("a", "true").put("b", "0600").put("c", "1.0").put("d", "null").put("e", "multi\nline\n").put("f", 3).put("g", "yes");
        assertThat(Yaml.MAPPER.readTree(Yaml.write(tricky))).isEqualTo(tricky);
    }

    @Test
    void dnsJsonListsEveryRecordTheConfigAsksFor() throws IOException {
        EdgeConfig edge = config.edge();
        assertThat(edge.ownsPublicDns()).as("the committed ovh stack owns the public DNS").isTrue();
        List<String> expected = new ArrayList<>();
        for (String host : edge.publicHostnames()) {
            for (NodeSpec n : config.cluster().nodes()) {
                expected.add(String.join(" ", edge.zoneId(), host, "A", n.ipv4(), "true", "1"));
                if (edge.dnsIpv6Records()) {
                    n.ipv6().ifPresent(v6 -> expected.add(String.join(" ", edge.zoneId(), host, "AAAA", v6, "true", "1")));
                }
            }
        }
        JsonNode dns = CanonicalJson.MAPPER.readTree(files.get("dns.json"));
        List<String> rows = new ArrayList<>();
        dns.forEach(r -> rows.add(String.join(" ", DnsRecords.COLUMNS.stream().map(col -> r.get(col).asText()).toList())));
        assertThat(rows).hasSize(edge.publicHostnames().size() * config.cluster().nodes().size())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).as("sorted by zone, name, type, content").isSortedAccordingTo(
                java.util.Comparator.comparing((String row) -> row.split(" ")[1]).thenComparing(row -> row.split(" ")[2])
                        .thenComparing(row -> row.split(" ")[3]));
        String md = files.get("PLAN.md");
        dns.forEach(r -> assertThat(md).contains("| " + r.get("zone").asText() + " | " + r.get("name").asText() + " | "
                + r.get("type").asText() + " | " + r.get("content").asText() + " | true | 1 |"));
    }

    @Test
    void dnsRecordsAreExtractedGenericallyFromTheirResourceType() {
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

    /** A local Command (a smoke check) is in PLAN.md and the graph but is no node step; a remote delete gets its pair. */
    @Test
    void localCommandsAreListedButAreNotNodeStepsAndRemoteDeleteCommandsAreRendered() {
        RemoteStep install = new RemoteStep("install", "#!/usr/bin/env bash\necho install \"$WHAT\"\n", Map.of("WHAT", "it's"));
        RemoteStep remove = new RemoteStep("remove", "#!/usr/bin/env bash\necho remove\n", Map.of("WHAT", "all"));
        ObservedRun observed = MockStackRunner.runProgram("p", "t", ctx -> {
            var step = new com.pulumi.command.remote.Command("n1-install", com.pulumi.command.remote.CommandArgs.builder()
                    .connection(com.pulumi.command.remote.inputs.ConnectionArgs.builder().host("192.0.2.1").build())
                    .create(install.command()).delete(remove.command()).build());
            new com.pulumi.command.local.Command("smoke", com.pulumi.command.local.CommandArgs.builder()
                    .create("curl -fsS https://example.invalid/healthz ```").build(),
                    com.pulumi.resources.CustomResourceOptions.builder().dependsOn(step).build());
        });
        var synthetic = RenderGraph.of(observed, List.of(new NodeSpec("n1", "192.0.2.1", Optional.empty(), "node-1")));
        SortedMap<String, String> out = Renderer.files(synthetic);
        assertThat(out.keySet().stream().filter(f -> f.startsWith("nodes/")).toList()).containsExactly(
                "nodes/n1/01-install.delete.env", "nodes/n1/01-install.delete.sh", "nodes/n1/01-install.env", "nodes/n1/01-install.sh");
        assertThat(out.get("nodes/n1/01-install.delete.env")).isEqualTo(remove.envFile());
        assertThat(out.get("nodes/n1/01-install.delete.sh")).isEqualTo(remove.script());
        assertThat(out.get("PLAN.md")).contains("## Local commands", "### smoke ((stack), wave 2)",
                "create:\n\n````sh\ncurl -fsS https://example.invalid/healthz ```\n````\n",
                "| 01 | install | 1 | WHAT |  | `01-install.delete.sh` (WHAT) |");
        assertThat(out.get("graph.svg")).contains("local Command", "smoke");
    }

    @Test
    void twoRendersOfTheSameInputsAreByteIdentical(@TempDir Path tmp) throws IOException {
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
    void graphSvgShowsEveryResourceAndWaveAndCollapsesCrowdedWaves() {
        String svg = files.get("graph.svg");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains(graph.customNodes().size() + " resources in " + graph.waveCount() + " waves", "wave " + graph.waveCount(),
                        "cluster (honeydue:cluster:K3sNodeGroup)", "marker-end=\"url(#arrow)\"");
        config.cluster().nodes().forEach(n -> assertThat(svg).contains(n.alias() + "-k3s-server"));

        GraphSvg.Layout layout = GraphSvg.layout(graph);
        assertThat(layout.boxOf().keySet()).as("every resource has a box")
                .containsExactlyInAnyOrderElementsOf(graph.customNodes().stream().map(RenderGraph.Node::urn).toList());
        Set<List<String>> expectedEdges = new java.util.LinkedHashSet<>();
        for (RenderGraph.Node n : graph.customNodes()) {
            GraphSvg.Box box = layout.boxOf().get(n.urn());
            assertThat(box.wave()).isEqualTo(n.wave() - 1);
            assertThat(box.names()).contains(n.name());
            graph.waitsFor(n).stream().map(d -> layout.boxOf().get(d.urn())).filter(from -> !from.equals(box))
                    .forEach(from -> expectedEdges.add(List.of(from.id(), box.id())));
        }
        assertThat(layout.edges()).extracting(e -> List.of(e.from().id(), e.to().id())).as("one arrow per waits-for pair of boxes")
                .containsExactlyElementsOf(expectedEdges);
        assertThat(svg.split("marker-end=", -1).length - 1).isEqualTo(layout.edges().size());
        for (int w = 0; w < graph.waveCount(); w++) {
            List<RenderGraph.Node> wave = graph.waves().get(w);
            long groups = wave.stream().map(n -> graph.componentLabel(n) + " " + n.type()).distinct().count();
            assertThat(layout.columns().get(w)).as("wave " + (w + 1))
                    .hasSize(wave.size() > GraphSvg.CROWDED ? (int) groups : wave.size());
        }
        long records = graph.customNodes().stream().filter(n -> n.type().equals(DnsRecords.DNS_RECORD)).count();
        assertThat(svg).as("the DNS records of one wave collapse into one box").contains(records + " \u00d7 DnsRecord");
    }

    private static RenderGraph.Node step(String name) {
        return graph.byUrn(graph.run().named(NodeSteps.REMOTE_COMMAND, name).urn());
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
