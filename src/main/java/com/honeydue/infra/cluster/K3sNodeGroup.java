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
 * Runbook §6.2–§6.6 as one component: per node (in parallel) OS hardening and UFW; then the init server,
 * then each other server joining ONE AT A TIME after the previous is Ready; then the kubeconfig (secret),
 * a Kubernetes provider built from it, and the node labels.
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
            Command boot = remote(node.alias() + "-bootstrap", connection, bootstrap, List.of(node.ipv4()), List.of(), Optional.empty(), false);
            bootstraps.put(node.alias(), boot);
            RemoteStep firewall = NodeStepPlan.firewall(FirewallPlan.forNode(c, node, args.httpAllowedCidrs()));
            firewalls.put(node.alias(), remote(node.alias() + "-firewall", connection, firewall, List.of(node.ipv4()),
                    List.of(boot), Optional.empty(), false));
        }

        NodeSpec init = c.initNode();
        List<Resource> initDeps = List.of(bootstraps.get(init.alias()), firewalls.get(init.alias()));
        Command previous = remote(init.alias() + "-k3s-init", connection(c, init), NodeStepPlan.k3sServer(c, init, Optional.empty()),
                List.of(c.k3sVersion(), init.ipv4()), initDeps, Optional.empty(), false);
        servers.add(previous);
        Command token = remote(init.alias() + "-node-token", connection(c, init), NodeStepPlan.readNodeToken(),
                List.of(init.ipv4()), List.of(previous), Optional.empty(), true);
        Output<String> tokenValue = token.stdout().asSecret();

        for (NodeSpec node : c.nodes().subList(1, c.nodes().size())) {
            List<Resource> deps = new ArrayList<>(List.of(previous, bootstraps.get(node.alias())));
            deps.addAll(firewalls.values()); // every peer must already admit this node on 2379/10250/flannel
            previous = remote(node.alias() + "-k3s-join", connection(c, node),
                    NodeStepPlan.k3sServer(c, node, Optional.of(init.ipv4())),
                    List.of(c.k3sVersion(), node.ipv4(), init.ipv4()), deps, Optional.of(tokenValue), false);
            servers.add(previous);
        }

        Command kubeconfigCmd = remote(init.alias() + "-kubeconfig", connection(c, init), NodeStepPlan.readKubeconfig(init),
                List.of(init.ipv4()), List.of(previous), Optional.empty(), true);
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

    private ConnectionArgs connection(ClusterConfig c, NodeSpec node) {
        return ConnectionArgs.builder()
                .host(node.ipv4())
                .user(c.sshUser())
                .privateKey(c.sshPrivateKey().output())
                .dialErrorLimit(c.sshDialErrorLimit())
                .perDialTimeout(c.sshPerDialTimeoutSeconds())
                .build();
    }

    private Command remote(String resourceName, ConnectionArgs connection, RemoteStep step, List<String> triggerFacts,
                           List<Resource> dependsOn, Optional<Output<String>> stdin, boolean secretStdout) {
        List<Object> triggers = new ArrayList<>(triggerFacts);
        triggers.add(step.sha256());
        var args = CommandArgs.builder()
                .connection(connection)
                .create(step.command())
                .triggers(triggers)
                .logging(secretStdout ? Logging.Stderr : Logging.StdoutAndStderr);
        stdin.ifPresent(args::stdin);
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

    /** k3s server steps in join order. */
    public List<Command> servers() {
        return List.copyOf(servers);
    }

    public Map<String, Command> firewalls() {
        return Map.copyOf(firewalls);
    }
}
