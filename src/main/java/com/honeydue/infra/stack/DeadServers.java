package com.honeydue.infra.stack;

import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Shown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code deadServers}: aliases of servers in {@code nodes} that are down for good (runbook §8, "2+ nodes dead").
 * No step connects to them; their Node objects are drained and deleted from a live server; an etcd restore skips
 * them. The join target must be live, and no node label may sit on a dead server.
 */
final class DeadServers {
    private DeadServers() {}

    static List<NodeSpec> load(ConfigReader r, List<NodeSpec> nodes, NodeSpec joinTarget, Map<String, Map<String, String>> labels) {
        List<NodeSpec> dead = new ArrayList<>();
        for (ConfigReader.Item item : r.items("deadServers")) {
            String key = item.key("deadServers");
            var node = nodes.stream().filter(n -> n.alias().equals(item.value())).findFirst();
            if (node.isEmpty()) {
                r.problem(key, Shown.value(item.value()) + " is not in nodes; expected the alias of a server in nodes "
                        + "(keep a dead server in nodes until it is replaced)");
            } else if (dead.contains(node.get())) {
                r.problem(key, Shown.value(item.value()) + " is listed twice");
            } else {
                dead.add(node.get());
            }
        }
        if (dead.isEmpty() || r.hasProblemFor("nodes")) {
            return List.copyOf(dead);
        }
        if (dead.contains(joinTarget)) {
            r.problem("joinTarget", "is " + joinTarget.alias() + ", which deadServers lists; expected a live server: set "
                    + "joinTarget to one of " + String.join(", ", nodes.stream().filter(n -> !dead.contains(n)).map(NodeSpec::alias).toList()));
        }
        if (dead.size() == nodes.size()) {
            r.problem("deadServers", "lists every server; at least one must be alive to restore from");
        }
        for (NodeSpec d : dead) {
            if (labels.containsKey(d.k8sName())) {
                r.problem("nodeLabels", "puts labels on " + d.k8sName() + ", which deadServers lists; move them to a live server "
                        + "(the Redis label pins Redis to its node)");
            }
        }
        return List.copyOf(dead);
    }
}
