package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.Command;
import com.pulumi.command.remote.CommandArgs;
import com.pulumi.command.remote.enums.Logging;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a node's {@link RemoteStep}s into pulumi-command {@code remote:Command} resources, all the same way.
 *
 * <p>No step has {@code triggers}: pulumi-command's Go, Node and Python SDKs replace a Command whose triggers change
 * ({@code replaceOnChanges: ["triggers[*]"]}), and a replacement is create-before-delete, which runs the old
 * resource's delete on the same box (the lab saw k3s uninstalled on three servers that way). Its Java SDK 1.2.1 sets
 * no such option, so a changed trigger would only update; nothing here relies on either. Every parameter and the script
 * itself are in {@code create}, so any change is an in-place update, which re-runs {@code create}. Only a step made
 * with {@link #withDelete} has a delete command, and its inputs never change with the cluster's settings.
 * The previous run's output is not passed in the environment (stock sshd refuses it, with a warning per step).
 */
final class RemoteSteps {
    private final Resource parent;
    private final ClusterConfig layout;
    private final Output<ClusterConfig> resolved;
    private final Output<String> sshPrivateKey;

    /**
     * @param layout   the settings as known when the program starts: the node list, order and roles, from which the
     *                 resources are laid out (an address may still be blank here)
     * @param resolved the same settings once every node's address is known; each step's script is planned from it
     */
    RemoteSteps(Resource parent, ClusterConfig layout, Output<ClusterConfig> resolved, Output<String> sshPrivateKey) {
        this.parent = parent;
        this.layout = layout;
        this.resolved = resolved;
        this.sshPrivateKey = sshPrivateKey;
    }

    Command run(String name, NodeSpec node, Function<ClusterConfig, RemoteStep> plan, List<Resource> dependsOn) {
        return run(name, node, plan, dependsOn, Optional.empty(), false);
    }

    /**
     * @param plan         the step, planned from the settings with every address known (a pure planner)
     * @param secretStdout the step prints a secret (token, kubeconfig): stdout is recorded secret and not logged
     */
    Command run(String name, NodeSpec node, Function<ClusterConfig, RemoteStep> plan, List<Resource> dependsOn,
                Optional<Output<String>> stdin, boolean secretStdout) {
        var args = base(node).create(command(plan)).logging(secretStdout ? Logging.Stderr : Logging.StdoutAndStderr);
        stdin.ifPresent(args::stdin);
        var opts = CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn);
        if (secretStdout) {
            opts.additionalSecretOutputs("stdout");
        }
        return new Command(name, args.build(), opts.build());
    }

    /**
     * A step whose {@code delete} runs only when the resource itself goes away: the node left the config, or the
     * stack is destroyed. Its {@code create} and {@code delete} take nothing that an upgrade or a flag change alters.
     */
    Command withDelete(String name, NodeSpec node, Function<ClusterConfig, RemoteStep> create,
                       Function<ClusterConfig, RemoteStep> delete, List<Resource> dependsOn) {
        var args = base(node).create(command(create)).delete(command(delete)).logging(Logging.StdoutAndStderr);
        return new Command(name, args.build(), CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).build());
    }

    /**
     * A node's removal step while the node is dead: no create and no delete, so updating it to this runs nothing
     * (pulumi-command runs no command when both are empty) and deleting it later runs nothing either.
     */
    Command disarmed(String name, NodeSpec node) {
        return new Command(name, base(node).logging(Logging.StdoutAndStderr).build(),
                CustomResourceOptions.builder().parent(parent).build());
    }

    private Output<String> command(Function<ClusterConfig, RemoteStep> plan) {
        return resolved.applyValue(c -> plan.apply(c).command());
    }

    private CommandArgs.Builder base(NodeSpec node) {
        Output<String> host = resolved.applyValue(c -> c.node(node.alias()).ipv4());
        return CommandArgs.builder().connection(NodeConnection.of(layout, host, sshPrivateKey)).addPreviousOutputInEnv(false);
    }
}
