package com.honeydue.examples.devsinglebox;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.cluster.K3sNodeGroup;
import com.honeydue.infra.cluster.K3sNodeGroupArgs;
import com.honeydue.infra.cluster.ProviderProfile;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * A one-box development cluster: {@link K3sNodeGroup} alone, with the OVH profile's defaults, one server
 * (allowNonHaNodeCount: embedded etcd with a single member, no fault tolerance) and no workloads.
 * Config: boxAddress (the box's public IPv4) and sshPrivateKey (secret; logs in as ubuntu with passwordless sudo).
 */
public final class DevSingleBox {
    private DevSingleBox() {}

    public static void main(String[] args) {
        Pulumi.run(DevSingleBox::define);
    }

    public static void define(Context ctx) {
        var config = ctx.config();
        String address = config.require("boxAddress");
        ClusterConfig settings;
        try {
            settings = ClusterConfig.builder()
                    .profile(ProviderProfile.OVH)
                    .node("dev", "dev", address)
                    .allowNonHaNodeCount(true)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("boxAddress: " + e.getMessage() + "; expected e.g. 203.0.113.10", e);
        }
        var cluster = new K3sNodeGroup("dev", K3sNodeGroupArgs.builder(settings)
                .sshPrivateKey(config.requireSecret("sshPrivateKey"))
                .build(), ComponentResourceOptions.Empty);
        ctx.export("kubeconfig", cluster.kubeconfig());
    }
}
