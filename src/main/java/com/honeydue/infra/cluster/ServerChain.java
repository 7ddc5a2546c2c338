package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.Command;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runbook §6.3/§6.4: the initial server, then each other server joining ONE AT A TIME after the previous one is
 * Ready. The same chain makes a version or flag change a rolling restart in join order (2 of 3 etcd members stay up).
 * Each node also gets its k3s-removal step, created before its server step, whose delete uninstalls k3s when the node
 * leaves the config or the stack is destroyed. Every step is laid out from the plain settings and planned from the
 * settings with every address known (see {@link RemoteSteps}).
 */
final class ServerChain {
    /** The server steps in start order, each node's removal step, and the step that read the join token. */
    record Built(List<Command> servers, List<Command> removals, Command tokenReader) {}

    private ServerChain() {}

    /** @param before what the first server step waits for besides its node's own steps (a restore chain) */
    static Built build(RemoteSteps steps, ClusterConfig c, Map<String, Command> bootstraps, Map<String, Command> firewalls,
                       List<Resource> before) {
        NodeSpec target = c.joinTarget();
        List<Command> servers = new ArrayList<>();
        List<Command> removals = new ArrayList<>();
        Command token = null;
        Command previous = null;
        // A dead server (deadServers) keeps its removal step with nothing to run, so dropping it from nodes later
        // never tries to reach it; it has no other step.
        for (NodeSpec node : c.nodes()) {
            if (c.isDead(node)) {
                removals.add(steps.disarmed(node.alias() + "-k3s-removal", node));
            }
        }
        for (NodeSpec node : c.serverOrder()) {
            boolean initial = c.isInitialServer(node);
            Command removal = steps.withDelete(node.alias() + "-k3s-removal", node,
                    r -> NodeStepPlan.k3sRemoval(r.node(node.alias())), r -> NodeStepPlan.k3sUninstall(r.node(node.alias())),
                    List.of(bootstraps.get(node.alias())));
            removals.add(removal);
            List<Resource> deps = new ArrayList<>();
            if (previous != null) {
                deps.add(previous);
            } else {
                deps.addAll(before);
            }
            deps.add(bootstraps.get(node.alias()));
            deps.addAll(initial ? List.of(firewalls.get(node.alias())) : firewalls.values());
            deps.add(removal);
            if (!initial && token == null) {
                // No initial server left (it was replaced): the join target is live and already has the token.
                token = tokenReader(steps, target, List.of(bootstraps.get(target.alias())));
            }
            if (!initial) {
                deps.add(token); // explicit: during a preview the token's Output carries no dependency
            }
            Optional<Output<String>> stdin = stdin(c, initial ? Optional.empty() : Optional.of(token.stdout()));
            Function<ClusterConfig, RemoteStep> install = r -> NodeStepPlan.k3sServer(r, r.node(node.alias()),
                    initial ? Optional.empty() : Optional.of(r.node(target.alias()).ipv4()));
            previous = steps.run(node.alias() + "-k3s-server", node, install, deps, stdin, false);
            servers.add(previous);
            if (initial) {
                token = tokenReader(steps, node, List.of(previous));
            }
        }
        return new Built(List.copyOf(servers), List.copyOf(removals), token);
    }

    /** Reads the cluster join token from a live server; the token only ever travels as a secret. */
    private static Command tokenReader(RemoteSteps steps, NodeSpec from, List<Resource> dependsOn) {
        return steps.run("node-token", from, r -> NodeStepPlan.readNodeToken(), dependsOn, Optional.empty(), true);
    }

    /**
     * What a server step reads on stdin, one value per line and always secret: the join token (joining servers),
     * then the S3 snapshot credentials (when etcdS3Enabled). Nothing at all for an initial server without S3.
     */
    private static Optional<Output<String>> stdin(ClusterConfig c, Optional<Output<String>> token) {
        if (token.isEmpty() && c.etcdS3().isEmpty()) {
            return Optional.empty();
        }
        Output<String> s3 = c.etcdS3()
                .map(s -> Output.tuple(s.accessKey().output(), s.secretKey().output()).applyValue(t -> t.t1 + "\n" + t.t2 + "\n"))
                .orElse(Output.of(""));
        Output<String> first = token.map(t -> t.applyValue(v -> v.strip() + "\n")).orElse(Output.of(""));
        return Optional.of(Output.tuple(first, s3).applyValue(t -> t.t1 + t.t2).asSecret());
    }
}
