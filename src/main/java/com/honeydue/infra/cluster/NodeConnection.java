package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.inputs.ConnectionArgs;

/** The SSH connection of every remote step on a node: key-only, and patient with boxes that are still booting. */
public final class NodeConnection {
    private NodeConnection() {}

    public static ConnectionArgs of(ClusterConfig c, NodeSpec node) {
        return ConnectionArgs.builder()
                .host(node.ipv4())
                .user(c.sshUser())
                .privateKey(c.sshPrivateKey().output())
                .dialErrorLimit(c.sshDialErrorLimit())
                .perDialTimeout(c.sshPerDialTimeoutSeconds())
                .build();
    }
}
