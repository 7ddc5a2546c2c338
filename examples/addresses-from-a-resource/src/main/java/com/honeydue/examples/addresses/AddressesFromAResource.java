package com.honeydue.examples.addresses;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.cluster.K3sNodeGroup;
import com.honeydue.infra.cluster.K3sNodeGroupArgs;
import com.honeydue.infra.cluster.ProviderProfile;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.command.local.Command;
import com.pulumi.command.local.CommandArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * A 3-server cluster whose node addresses are Outputs of other resources, the way a cloud server resource hands out
 * its IPv4 address. Here a {@code command:local:Command} per server stands in for that resource: it prints the address
 * it is given in its environment (never in its command line). {@link K3sNodeGroup} plans every step once the addresses
 * are known, and checks that each is an IPv4 address before it reaches a flag, a firewall rule or an SSH host.
 * Config: serverAddresses (three IPv4 addresses, in join order) and sshPrivateKey (secret).
 */
public final class AddressesFromAResource {
    private static final List<String> SERVERS = List.of("box1", "box2", "box3");

    private AddressesFromAResource() {}

    public static void main(String[] args) {
        Pulumi.run(AddressesFromAResource::define);
    }

    public static void define(Context ctx) {
        var config = ctx.config();
        List<?> given = config.requireObject("serverAddresses", List.class);
        if (given.size() != SERVERS.size()) {
            throw new IllegalArgumentException("serverAddresses: has " + given.size() + " entries; expected "
                    + SERVERS.size() + " IPv4 addresses in join order");
        }
        var settings = ClusterConfig.builder().profile(ProviderProfile.OVH);
        SERVERS.forEach(alias -> settings.node(alias, alias));
        var args = K3sNodeGroupArgs.builder(settings.build()).sshPrivateKey(config.requireSecret("sshPrivateKey"));
        for (int i = 0; i < SERVERS.size(); i++) {
            var server = new Command(SERVERS.get(i) + "-server", CommandArgs.builder()
                    .create("printf '%s' \"$SERVER_ADDRESS\"")
                    .environment(Map.of("SERVER_ADDRESS", String.valueOf(given.get(i))))
                    .build());
            Output<String> address = server.stdout();
            args.nodeAddress(SERVERS.get(i), address);
        }
        var cluster = new K3sNodeGroup("cluster", args.build(), ComponentResourceOptions.Empty);
        ctx.export("kubeconfig", cluster.kubeconfig());
    }
}
