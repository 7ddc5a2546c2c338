package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.Command;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Runbook §8 "etcd quorum lost" as a chain, before the server steps: stop k3s on every other live server, cluster-reset
 * the join target from the snapshot (k3s reads its flags from config.yaml, so the reset keeps this node's addresses),
 * then bring the other live servers back one at a time. Dead servers (deadServers) are skipped; their Node objects are
 * deleted afterwards by the cluster-members step. Present only while etcdRestoreSnapshot is set; the parameters name the
 * snapshot, so a new snapshot name runs the chain again, and the same one never does.
 */
final class EtcdRestoreChain {
    private EtcdRestoreChain() {}

    /** @return the last step of the chain, which everything reading the cluster waits for */
    static Command build(RemoteSteps steps, ClusterConfig c, String snapshot, List<Resource> after) {
        NodeSpec target = c.joinTarget();
        List<NodeSpec> others = c.serverOrder().stream().filter(n -> !n.equals(target)).toList();
        List<Resource> stops = new ArrayList<>();
        for (NodeSpec node : others) {
            stops.add(steps.run(node.alias() + "-etcd-restore-stop", node,
                    r -> NodeStepPlan.etcdRestore(r, r.node(node.alias()), "stop", snapshot), after));
        }
        Command previous = steps.run(target.alias() + "-etcd-restore-reset", target,
                r -> NodeStepPlan.etcdRestore(r, r.node(target.alias()), "reset", snapshot), stops.isEmpty() ? after : stops);
        for (NodeSpec node : others) {
            previous = steps.run(node.alias() + "-etcd-restore-rejoin", node,
                    r -> NodeStepPlan.etcdRestore(r, r.node(node.alias()), "rejoin", snapshot), List.of(previous));
        }
        return previous;
    }
}
