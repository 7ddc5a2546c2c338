package com.honeydue.infra.cluster;

import com.honeydue.infra.values.NodeSpec;
import com.pulumi.command.remote.inputs.ConnectionArgs;
import com.pulumi.core.Output;

/** The SSH connection of every remote step on a node: key-only, and patient with boxes that are still booting. */
public final class NodeConnection {
    private NodeConnection() {}

    public static ConnectionArgs of(ClusterConfig c, NodeSpec node) {
        return of(c, Output.of(node.ipv4()), c.sshPrivateKey().output());
    }

    /** @param host the node's address, possibly another resource's Output; @param privateKey likewise */
    public static ConnectionArgs of(ClusterConfig c, Output<String> host, Output<String> privateKey) {
        return ConnectionArgs.builder()
                .host(host)
                .user(c.sshUser())
                .privateKey(privateKey)
                .dialErrorLimit(c.sshDialErrorLimit())
                .perDialTimeout(c.sshPerDialTimeoutSeconds())
                .build();
    }
}
