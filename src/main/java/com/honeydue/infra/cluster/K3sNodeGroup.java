package com.honeydue.infra.cluster;

import com.honeydue.infra.config.ClusterConfig;
import com.honeydue.infra.config.NodeSpec;
import com.pulumi.command.remote.enums.Logging;
import com.pulumi.command.remote.Command;
import com.pulumi.command.remote.CommandArgs;
import com.pulumi.command.remote.inputs.ConnectionArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.NodePatch;
import com.pulumi.kubernetes.core.v1.NodePatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
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
 * Runbook §6.2–§6.6 as one component: per node (in parallel) OS hardening and UFW; then the initial server,
 * then each other server joining ONE AT A TIME after the previous is Ready; then the kubeconfig (secret),
 * a Kubernetes provider built from it, and the node labels. Removing a node from config drains it, deletes it
 * from the cluster and uninstalls k3s (the server step's delete command).
 */
public final class K3sNodeGroup extends ComponentResource {
    public static final String TYPE = "honeydue:cluster:K3sNodeGroup";

    private final Output<String> kubeconfig;
    private final Provider kubernetesProvider;
    private final List<Resource> nodeLabels = new ArrayList<>();
    private final Map<String, Command> firewalls = new LinkedHashMap<>();
    private final List<Command> servers = new ArrayList<>();

    public K3sNodeGroup(String name, K3sNodeGroupArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ClusterConfig c = args.config();

        Map<String, Command> bootstraps = new LinkedHashMap<>();
        for (NodeSpec node : c.nodes()) {
            var connection = connection(c, node);
            RemoteStep bootstrap = NodeStepPlan.bootstrap(c);
            Command boot = remote(node.alias() + "-bootstrap", connection, bootstrap, Optional.empty(), List.of(node.ipv4()),
                    List.of(), Optional.empty(), false);
            bootstraps.put(node.alias(), boot);
            RemoteStep firewall = NodeStepPlan.firewall(FirewallPlan.forNode(c, node, args.httpAllowedCidrs(), args.componentRules()));
            firewalls.put(node.alias(), remote(node.alias() + "-firewall", connection, firewall, Optional.empty(),
                    List.of(node.ipv4()), List.of(boot), Optional.empty(), false));
        }

        // Servers start one at a time: each waits for the previous to be Ready (etcd joins, runbook §6.4).
        // The same chain makes a version or flag change a rolling restart in join order (2 of 3 etcd members stay up).
        List<NodeSpec> order = c.serverOrder();
        NodeSpec target = c.joinTarget();
        Command token = null;
        Command previous = null;
        for (NodeSpec node : order) {
            boolean initial = c.isInitialServer(node);
            List<Resource> deps = new ArrayList<>();
            if (previous != null) {
                deps.add(previous);
            }
            deps.add(bootstraps.get(node.alias()));
            deps.addAll(initial ? List.of(firewalls.get(node.alias())) : firewalls.values());
            if (!initial && token == null) {
                // No initial server left (it was replaced): the join target is live and already has the token.
                token = tokenReader(c, target, List.of(bootstraps.get(target.alias())));
            }
            Optional<Output<String>> stdin = serverStdin(c, initial ? Optional.empty() : Optional.of(token.stdout()));
            RemoteStep install = NodeStepPlan.k3sServer(c, node, initial ? Optional.empty() : Optional.of(target.ipv4()));
            previous = remote(node.alias() + "-k3s-server", connection(c, node), install,
                    Optional.of(NodeStepPlan.k3sRemove(c, node)), List.of(c.k3sVersion(), node.ipv4()), deps, stdin, false);
            servers.add(previous);
            if (initial) {
                token = tokenReader(c, node, List.of(previous));
            }
        }

        Command last = c.etcdRestoreSnapshot().map(snapshot -> etcdRestore(c, order, snapshot, servers.get(servers.size() - 1)))
                .orElse(previous);
        Command kubeconfigCmd = remote("kubeconfig", connection(c, target), NodeStepPlan.readKubeconfig(target), Optional.empty(),
                List.of(target.ipv4()), List.of(last), Optional.empty(), true);
        this.kubeconfig = kubeconfigCmd.stdout().asSecret();

        this.kubernetesProvider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this).build());

        c.nodeLabels().forEach((k8sName, labels) -> nodeLabels.add(new NodePatch(k8sName + "-labels", NodePatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder().name(k8sName).labels(labels).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(kubernetesProvider)
                .dependsOn(kubeconfigCmd).build())));

        registerOutputs(Map.of("kubeconfig", kubeconfig));
    }

    private static ConnectionArgs connection(ClusterConfig c, NodeSpec node) {
        return NodeConnection.of(c, node);
    }

    /**
     * Runbook §8 as a chain: stop k3s on every other server, cluster-reset the join target from the snapshot,
     * then bring the others back one at a time. Triggered by the snapshot name, so it runs once per request.
     */
    private Command etcdRestore(ClusterConfig c, List<NodeSpec> order, String snapshot, Command afterServers) {
        NodeSpec target = c.joinTarget();
        List<Resource> stops = new ArrayList<>();
        for (NodeSpec node : order) {
            if (!node.equals(target)) {
                stops.add(remote(node.alias() + "-etcd-restore-stop", connection(c, node),
                        NodeStepPlan.etcdRestore(c, node, "stop", snapshot), Optional.empty(), List.of(snapshot),
                        List.of(afterServers), Optional.empty(), false));
            }
        }
        Command previous = remote(target.alias() + "-etcd-restore-reset", connection(c, target),
                NodeStepPlan.etcdRestore(c, target, "reset", snapshot), Optional.empty(), List.of(snapshot),
                stops.isEmpty() ? List.of(afterServers) : stops, Optional.empty(), false);
        for (NodeSpec node : order) {
            if (!node.equals(target)) {
                previous = remote(node.alias() + "-etcd-restore-rejoin", connection(c, node),
                        NodeStepPlan.etcdRestore(c, node, "rejoin", snapshot), Optional.empty(), List.of(snapshot),
                        List.of(previous), Optional.empty(), false);
            }
        }
        return previous;
    }

    /**
     * What a server step reads on stdin, one value per line and always secret: the join token (joining servers),
     * then the S3 snapshot credentials (when etcdS3Enabled). Nothing at all for an initial server without S3.
     */
    private static Optional<Output<String>> serverStdin(ClusterConfig c, Optional<Output<String>> token) {
        Output<String> s3 = c.etcdS3()
                .map(s -> Output.tuple(s.accessKey().output(), s.secretKey().output()).applyValue(t -> t.t1 + "\n" + t.t2 + "\n"))
                .orElse(Output.of(""));
        if (token.isEmpty() && c.etcdS3().isEmpty()) {
            return Optional.empty();
        }
        Output<String> first = token.map(t -> t.applyValue(v -> v.strip() + "\n")).orElse(Output.of(""));
        return Optional.of(Output.tuple(first, s3).applyValue(t -> t.t1 + t.t2).asSecret());
    }

    /** Reads the cluster join token from a live server; the token only ever travels as a secret. */
    private Command tokenReader(ClusterConfig c, NodeSpec from, List<Resource> dependsOn) {
        return remote("node-token", connection(c, from), NodeStepPlan.readNodeToken(), Optional.empty(), List.of(from.ipv4()),
                dependsOn, Optional.empty(), true);
    }

    private Command remote(String resourceName, ConnectionArgs connection, RemoteStep step, Optional<RemoteStep> onDelete,
                           List<String> triggerFacts, List<Resource> dependsOn, Optional<Output<String>> stdin,
                           boolean secretStdout) {
        List<Object> triggers = new ArrayList<>(triggerFacts);
        triggers.add(step.sha256());
        var args = CommandArgs.builder()
                .connection(connection)
                .create(step.command())
                .triggers(triggers)
                .logging(secretStdout ? Logging.Stderr : Logging.StdoutAndStderr);
        stdin.ifPresent(args::stdin);
        onDelete.ifPresent(d -> args.delete(d.command()));
        var opts = CustomResourceOptions.builder().parent(this).dependsOn(dependsOn);
        if (secretStdout) {
            opts.additionalSecretOutputs("stdout");
        }
        return new Command(resourceName, args.build(), opts.build());
    }

    /** Admin kubeconfig with the server rewritten to the init node's public IPv4 (secret). */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** Workloads that rely on node labels (Redis' nodeSelector) depend on these. */
    public List<Resource> nodeLabels() {
        return List.copyOf(nodeLabels);
    }

    /** k3s server steps in start order (see ClusterConfig.serverOrder). */
    public List<Command> servers() {
        return List.copyOf(servers);
    }

    public Map<String, Command> firewalls() {
        return Map.copyOf(firewalls);
    }
}
