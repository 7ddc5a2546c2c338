package com.honeydue.infra.cluster;

import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.Identifiers;
import com.honeydue.infra.values.Net;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a {@link ClusterConfig} (runbook §3, §6, §10) in code, for a program that uses {@link K3sNodeGroup} as a
 * library. Every setting
 * starts at its documented default: the provider profile's (runbook §10) for flannel, servicelb, Traefik, low ports,
 * kube-proxy and the SSH user, and Pulumi.yaml's for the rest (k3s v1.34.6+k3s1, etcd snapshots every 12 h with 5
 * kept, a 600 s wait for Ready, the installer from https://get.k3s.io). The first node is the initial server and the
 * join target. Node addresses may be left out here and given to {@link K3sNodeGroupArgs.Builder#nodeAddress} as
 * Outputs of other resources. {@link #build()} refuses what the stack config loader refuses for the same settings.
 */
public final class ClusterConfigBuilder {
    /** A k3s release: vX.Y.Z+k3sN. */
    public static final Pattern K3S_VERSION = Pattern.compile("^v\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}\\+k3s\\d{1,4}$");
    private static final Pattern UNIX_USER = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");

    private ProviderProfile profile = ProviderProfile.OVH;
    private final List<NodeSpec> nodes = new ArrayList<>();
    private Optional<String> sshUser = Optional.empty();
    private Secret sshPrivateKey = Secret.of("");
    private String k3sVersion = "v1.34.6+k3s1";
    private boolean allowNonHaNodeCount;
    private boolean restrictApiServer;
    private List<String> adminCidrs = List.of();
    private List<FirewallRuleSpec> extraFirewallRules = List.of();
    private final Map<String, Map<String, String>> nodeLabels = new LinkedHashMap<>();
    private int nodeReadyTimeoutSeconds = 600;

    ClusterConfigBuilder() {}

    /** hetzner or ovh (default): the §10 defaults of flannel, servicelb, Traefik, kube-proxy and the SSH user. */
    public ClusterConfigBuilder profile(ProviderProfile profile) {
        this.profile = profile;
        return this;
    }

    /** A server whose IPv4 address comes later, from {@link K3sNodeGroupArgs.Builder#nodeAddress}. */
    public ClusterConfigBuilder node(String alias, String k8sName) {
        return node(alias, k8sName, "");
    }

    /** A server, in join order: its SSH alias, its Kubernetes node name and its public IPv4 address. */
    public ClusterConfigBuilder node(String alias, String k8sName, String ipv4) {
        nodes.add(new NodeSpec(alias, ipv4, Optional.empty(), k8sName));
        return this;
    }

    /** The SSH user with passwordless sudo; default: the profile's (ovh: ubuntu, hetzner: deploy). */
    public ClusterConfigBuilder sshUser(String sshUser) {
        this.sshUser = Optional.of(sshUser);
        return this;
    }

    /** The SSH key as a plain secret; a key that is an Output goes to {@link K3sNodeGroupArgs.Builder#sshPrivateKey}. */
    public ClusterConfigBuilder sshPrivateKey(Secret sshPrivateKey) {
        this.sshPrivateKey = sshPrivateKey;
        return this;
    }

    public ClusterConfigBuilder k3sVersion(String k3sVersion) {
        this.k3sVersion = k3sVersion;
        return this;
    }

    /** Embedded etcd wants an odd number of at least 3 servers; say so to build a 1- or 2-node test cluster. */
    public ClusterConfigBuilder allowNonHaNodeCount(boolean allow) {
        this.allowNonHaNodeCount = allow;
        return this;
    }

    /** Close 6443 to all but the nodes and these sources (runbook §6.2); default: open. */
    public ClusterConfigBuilder restrictApiServer(List<String> adminCidrs) {
        this.restrictApiServer = true;
        this.adminCidrs = List.copyOf(adminCidrs);
        return this;
    }

    public ClusterConfigBuilder extraFirewallRules(List<FirewallRuleSpec> rules) {
        this.extraFirewallRules = List.copyOf(rules);
        return this;
    }

    /** Labels put on a node through the API once the cluster is up (for example honeydue/redis=true). */
    public ClusterConfigBuilder nodeLabels(String k8sName, Map<String, String> labels) {
        this.nodeLabels.put(k8sName, Map.copyOf(labels));
        return this;
    }

    /** How long a server may take to report Ready before its step fails (default 600 s). */
    public ClusterConfigBuilder nodeReadyTimeoutSeconds(int seconds) {
        this.nodeReadyTimeoutSeconds = seconds;
        return this;
    }

    public ClusterConfig build() {
        String user = sshUser.orElse(profile.sshUser());
        require(!nodes.isEmpty(), "nodes: at least one node is needed");
        require(allowNonHaNodeCount || (nodes.size() >= 3 && nodes.size() % 2 == 1), "nodes: " + nodes.size()
                + " servers; embedded etcd needs an odd number of at least 3, or allowNonHaNodeCount(true) for a test cluster");
        var aliases = new HashSet<String>();
        var names = new HashSet<String>();
        for (NodeSpec n : nodes) {
            require(Identifiers.isAlias(n.alias()), "nodes: alias " + n.alias() + " is not " + Identifiers.ALIAS_FORM);
            require(Identifiers.isNodeName(n.k8sName()), "nodes: k8sName " + n.k8sName() + " is not " + Identifiers.NODE_NAME_FORM);
            require(aliases.add(n.alias()) && names.add(n.k8sName()), "nodes: " + n.alias() + " / " + n.k8sName() + " is not unique");
            require(n.ipv4().isEmpty() || Net.isIpv4(n.ipv4()),
                    "nodes: " + n.alias() + "'s ipv4 " + n.ipv4() + " is not an IPv4 address");
        }
        require(UNIX_USER.matcher(user).matches(), "sshUser: " + user + " is not a valid Unix user name");
        require(K3S_VERSION.matcher(k3sVersion).matches(), "k3sVersion: " + k3sVersion + " is not a k3s release like v1.34.6+k3s1");
        require(!restrictApiServer || !adminCidrs.isEmpty(), "adminCidrs: empty while the API server is restricted");
        require(nodeLabels.keySet().stream().allMatch(names::contains), "nodeLabels: names a node that is not in nodes");
        NodeSpec first = nodes.get(0);
        return new ClusterConfig(profile, List.copyOf(nodes), user, sshPrivateKey, 60, 20, k3sVersion,
                profile.flannelBackend(), profile.flannelExternalIp(), profile.servicelb(), profile.traefikHostNetwork(),
                profile.unprivilegedPortStartZero(), profile.kubeProxyMode(), "0 */12 * * *", 5, restrictApiServer,
                adminCidrs, extraFirewallRules, Map.copyOf(nodeLabels), nodeReadyTimeoutSeconds, "https://get.k3s.io",
                Optional.of(first), first, Optional.empty(), Optional.empty(), List.of());
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
