package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.Command;
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
 * Runbook §6.2–§6.6 as one component: per node (in parallel) OS hardening and UFW; then the servers one at a time
 * ({@link ServerChain}); then, on the join target, the cluster's members made to follow the config (a node that left
 * it is drained and deleted from the cluster), the kubeconfig (secret), a Kubernetes provider built from it, the node
 * labels, and a wait for k3s' packaged Traefik. A node that leaves the config is uninstalled by its own k3s-removal
 * step; no other change ever uninstalls anything.
 */
public final class K3sNodeGroup extends ComponentResource {
    public static final String TYPE = "honeydue:cluster:K3sNodeGroup";

    private final Output<String> kubeconfig;
    private final Output<List<String>> nodeNames;
    private final Provider kubernetesProvider;
    private final List<Resource> nodeLabels = new ArrayList<>();
    private final Map<String, Command> firewalls = new LinkedHashMap<>();
    private final List<Command> servers;
    private final Command ingressReady;

    public K3sNodeGroup(String name, K3sNodeGroupArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ClusterConfig c = args.cluster();
        var steps = new RemoteSteps(this, c, args.resolvedCluster(), args.sshPrivateKey());

        Map<String, Command> bootstraps = new LinkedHashMap<>();
        for (NodeSpec node : c.liveNodes()) {
            Command boot = steps.run(node.alias() + "-bootstrap", node, NodeStepPlan::bootstrap, List.of());
            bootstraps.put(node.alias(), boot);
            firewalls.put(node.alias(), steps.run(node.alias() + "-firewall", node, r -> NodeStepPlan.firewall(
                    FirewallPlan.forNode(r, r.node(node.alias()), args.httpAllowedCidrs(), args.componentRules())), List.of(boot)));
        }

        // A requested restore runs before the server steps: with etcd quorum lost (runbook §8) no server could pass
        // its wait for Ready, so the restore brings the cluster back first and the server steps then converge it.
        List<Resource> beforeServers = c.etcdRestoreSnapshot()
                .map(snapshot -> List.<Resource>of(EtcdRestoreChain.build(steps, c, snapshot, List.copyOf(firewalls.values()))))
                .orElse(List.of());
        ServerChain.Built chain = ServerChain.build(steps, c, bootstraps, firewalls, beforeServers);
        this.servers = chain.servers();
        Command last = servers.get(servers.size() - 1);

        // Members follow the config before anything reads the cluster; kubeconfig depends on them (and so, through
        // the provider, does every workload), so `pulumi destroy` removes the workloads before any k3s-removal runs.
        NodeSpec target = c.joinTarget();
        List<Resource> afterServers = new ArrayList<>(List.of(last));
        afterServers.addAll(chain.removals());
        Command members = steps.run("cluster-members", target, r -> NodeStepPlan.clusterMembers(r, r.serverOrder()), afterServers);
        Command kubeconfigCmd = steps.run("kubeconfig", target, r -> NodeStepPlan.readKubeconfig(r.node(target.alias())),
                List.of(members), Optional.empty(), true);
        this.kubeconfig = kubeconfigCmd.stdout().asSecret();
        this.ingressReady = steps.run("ingress-ready", target, NodeStepPlan::ingressReady, List.of(members));

        this.kubernetesProvider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this)
                // explicit: during a preview the kubeconfig's Output carries no dependency
                .dependsOn(kubeconfigCmd)
                // pulumi-kubernetes 4.0.0 REPLACES its provider, and with it every object, whenever the kubeconfig's
                // server changes or is unknown in a preview (seen in the lab: replacing the first server tried to
                // recreate all 60 objects and failed on field conflicts). The provider keeps the kubeconfig it was
                // created with; bin/move-api-server moves its server address in the state when the address must
                // change (README: replace the first server).
                .ignoreChanges("kubeconfig")
                .build());

        c.nodeLabels().forEach((k8sName, labels) -> nodeLabels.add(new NodePatch(k8sName + "-labels", NodePatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder().name(k8sName).labels(labels).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(kubernetesProvider)
                .dependsOn(kubeconfigCmd).build())));

        this.nodeNames = Output.of(c.liveNodes().stream().map(NodeSpec::k8sName).toList());
        registerOutputs(Map.of("kubeconfig", kubeconfig, "nodeNames", nodeNames));
    }

    /** Admin kubeconfig with the server rewritten to the join target's public IPv4 (secret). */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** The Kubernetes names of the live servers, in the settings' order. */
    public Output<List<String>> nodeNames() {
        return nodeNames;
    }

    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** Workloads that rely on node labels (Redis' nodeSelector) depend on these. */
    public List<Resource> nodeLabels() {
        return List.copyOf(nodeLabels);
    }

    /** Objects that need Traefik (Middlewares, Ingresses, its HelmChartConfig) depend on this wait. */
    public Resource ingressControllerReady() {
        return ingressReady;
    }

    /** k3s server steps in start order (see ClusterConfig.serverOrder). */
    public List<Command> servers() {
        return List.copyOf(servers);
    }

    public Map<String, Command> firewalls() {
        return Map.copyOf(firewalls);
    }
}
