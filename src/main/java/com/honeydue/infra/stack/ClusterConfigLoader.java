package com.honeydue.infra.stack;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.cluster.ProviderProfile;
import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.values.Identifiers;
import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.Net;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Secret;
import com.honeydue.infra.values.Shown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the cluster keys; one small check per setting, all appending to the reader's problems. */
public final class ClusterConfigLoader {
    static final Pattern K3S_VERSION = com.honeydue.infra.cluster.ClusterConfigBuilder.K3S_VERSION;
    private static final Pattern EXTRA_RULE =
            Pattern.compile("^([0-9]{1,5})(:([0-9]{1,5}))?/(tcp|udp)( +from +(\\S{1,100}))?$");
    /** The installer is fetched with curl as one quoted argument; still, no character a shell or URL parser treats specially. */
    static final Pattern INSTALLER_URL = Pattern.compile(
            "^(https://[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._~/%+=,:@-]{0,1000})?"
            + "(\\?[A-Za-z0-9._~/%+=,:@-]{0,1000})?|file:///[A-Za-z0-9._/-]{1,1000})$");
    static final List<String> NODE_FIELDS = List.of("alias", "ipv4", "ipv6", "k8sName");
    static final String NODE_FORM = "'alias=<ssh alias> ipv4=<a.b.c.d> [ipv6=<address>] k8sName=<kubernetes node name>'";

    private ClusterConfigLoader() {}

    public static ClusterConfig load(ConfigReader r) {
        String profileId = r.oneOf("provider", ProviderProfile.ids());
        ProviderProfile profile = ProviderProfile.ids().contains(profileId) ? ProviderProfile.byId(profileId) : ProviderProfile.OVH;

        List<NodeSpec> nodes = nodes(r);
        String sshUser = r.string("sshUser");
        if (sshUser.isEmpty()) {
            sshUser = profile.sshUser();
        } else if (!Pattern.matches("^[a-z_][a-z0-9_-]{0,31}$", sshUser)) {
            r.problem("sshUser", Shown.value(sshUser) + " is not a valid Unix user name; expected lower-case letters, digits, "
                    + "'_' and '-', at most 32 characters, e.g. ubuntu or deploy");
        }
        Secret sshKey = r.secret("sshPrivateKey", true).orElse(Secret.of(""));
        int dialErrorLimit = r.integer("sshDialErrorLimit", 1, 1000);
        int perDialTimeout = r.integer("sshPerDialTimeoutSeconds", 1, 600);

        String k3sVersion = r.string("k3sVersion", K3S_VERSION, "a k3s release like v1.34.6+k3s1 (vX.Y.Z+k3sN)");
        String flannel = r.string("flannelBackend");
        if (flannel.isEmpty() || flannel.equals("profile")) {
            flannel = profile.flannelBackend();
        } else if (!List.of("vxlan", "wireguard-native", "host-gw").contains(flannel)) {
            r.problem("flannelBackend", Shown.value(flannel) + " is not supported; expected profile, vxlan, wireguard-native or host-gw");
        }
        boolean flannelExternalIp = r.profileBool("flannelExternalIp").orElse(profile.flannelExternalIp());
        boolean servicelb = r.profileBool("servicelb").orElse(profile.servicelb());
        boolean hostNetworkTraefik = r.profileBool("traefikHostNetwork").orElse(profile.traefikHostNetwork());
        boolean lowPorts = r.profileBool("unprivilegedPortStartZero").orElse(profile.unprivilegedPortStartZero());
        if (hostNetworkTraefik && servicelb) {
            r.problem("servicelb", "must be false when traefikHostNetwork is true: klipper-lb and a hostNetwork Traefik both bind :80/:443 (runbook §10)");
        }
        String kubeProxy = r.string("kubeProxyMode");
        if (kubeProxy.isEmpty() || kubeProxy.equals("profile")) {
            kubeProxy = profile.kubeProxyMode();
        } else if (!List.of("iptables", "ipvs", "nftables").contains(kubeProxy)) {
            r.problem("kubeProxyMode", Shown.value(kubeProxy) + " is not valid; expected profile, iptables, ipvs or nftables");
        }

        String cron = r.string("etcdSnapshotCron");
        if (!r.hasProblemFor("etcdSnapshotCron") && !EtcdConfigLoader.isCron(cron)) {
            r.problem("etcdSnapshotCron", Shown.value(cron) + " is not a 5-field cron expression; expected five fields of "
                    + "digits, '*', ',', '-' and '/' separated by spaces, e.g. \"0 */12 * * *\"");
        }
        int retention = r.integer("etcdSnapshotRetention", 1, 1000);

        boolean restrictApi = r.bool("restrictApiServer");
        List<String> adminCidrs = cidrs(r, "adminCidrs");
        if (restrictApi && adminCidrs.isEmpty() && !r.hasProblemFor("adminCidrs")) {
            r.problem("adminCidrs", "is empty while restrictApiServer is true, which would close 6443 to everyone; "
                    + "expected a list of CIDRs such as [\"203.0.113.7/32\"]");
        }
        String operatorCidr = r.string("operatorCidr");
        if (!operatorCidr.isEmpty()) {
            if (!Net.isCidr(operatorCidr)) {
                r.problem("operatorCidr", Shown.value(operatorCidr) + " is not a CIDR; expected e.g. 203.0.113.7/32");
            } else if (restrictApi && !adminCidrs.isEmpty() && adminCidrs.stream().noneMatch(c -> Net.contains(c, operatorCidr))) {
                r.problem("adminCidrs", "does not include operatorCidr " + operatorCidr
                        + "; applying it would lock you out of 6443. Add your address or set restrictApiServer: false");
            }
        }
        List<FirewallRuleSpec> extra = extraRules(r);
        Map<String, Map<String, String>> labels = nodeLabels(r, nodes);
        int readyTimeout = r.integer("nodeReadyTimeoutSeconds", 30, 3600);
        String installer = r.string("k3sInstallerUrl", INSTALLER_URL,
                "an https:// URL of the k3s install script (default https://get.k3s.io) of letters, digits and . _ ~ / % + = , : @ -");

        String initialAlias = alias(r, "initialServer");
        String joinAlias = alias(r, "joinTarget");
        Optional<NodeSpec> initial = Optional.empty();
        NodeSpec joinTarget = nodes.isEmpty() ? new NodeSpec("", "", Optional.empty(), "") : nodes.get(0);
        if (!nodes.isEmpty()) {
            var aliases = nodes.stream().map(NodeSpec::alias).toList();
            initial = initialAlias.isEmpty() ? Optional.of(nodes.get(0)) : byAlias(nodes, initialAlias);
            if (joinAlias.isEmpty()) {
                if (initial.isEmpty()) {
                    r.problem("joinTarget", "must name a live server because initialServer " + Shown.value(initialAlias)
                            + " is no longer in nodes; expected one of " + String.join(", ", aliases));
                } else {
                    joinTarget = initial.get();
                }
            } else if (byAlias(nodes, joinAlias).isEmpty()) {
                r.problem("joinTarget", Shown.value(joinAlias) + " is not in nodes" + ConfigReader.suggestion(joinAlias, aliases)
                        + "; expected the alias of a live server: " + String.join(", ", aliases));
            } else {
                joinTarget = byAlias(nodes, joinAlias).get();
            }
        }
        List<NodeSpec> dead = DeadServers.load(r, nodes, joinTarget, labels);
        return new ClusterConfig(profile, nodes, sshUser, sshKey, dialErrorLimit, perDialTimeout, k3sVersion, flannel,
                flannelExternalIp, servicelb, hostNetworkTraefik, lowPorts, kubeProxy, cron, retention, restrictApi,
                adminCidrs, extra, labels, readyTimeout, installer, initial, joinTarget, EtcdConfigLoader.restore(r),
                EtcdConfigLoader.etcdS3(r), dead);
    }

    /** An alias-valued key: empty (the default) or an alias's form; a bad one reads as empty after its problem. */
    private static String alias(ConfigReader r, String key) {
        String a = r.string(key);
        if (!a.isEmpty() && !r.hasProblemFor(key) && !Identifiers.isAlias(a)) {
            r.problem(key, Shown.value(a) + " is not a node alias; expected the alias of an entry of nodes: "
                    + Identifiers.ALIAS_FORM);
            return "";
        }
        return a;
    }

    private static Optional<NodeSpec> byAlias(List<NodeSpec> nodes, String alias) {
        return nodes.stream().filter(n -> n.alias().equals(alias)).findFirst();
    }

    private static List<NodeSpec> nodes(ConfigReader r) {
        List<ConfigReader.Item> raw = r.items("nodes");
        List<NodeSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigReader.Item item : raw) {
            String key = item.key("nodes");
            Map<String, String> f = NodeEntry.fields(r, key, item.value());
            if (f == null) {
                continue;
            }
            boolean ok = NodeEntry.check(r, key, f);
            for (String field : NODE_FIELDS) {
                String v = f.get(field);
                if (v == null || r.hasProblemFor(key + "." + field)) {
                    continue;
                }
                // Addresses compare by value: 2604:2dc0::5a9a and 2604:2dc0:0:0::5a9a are one address.
                String identity = field.startsWith("ip") ? Net.address(v).map(Net::canonical).orElse(v) : v;
                Integer first = seen.putIfAbsent(field + "=" + identity, item.index());
                if (first != null) {
                    r.problem(key + "." + field, Shown.value(v) + " duplicates nodes[" + first + "]." + field
                            + "; every node needs its own");
                    ok = false;
                }
            }
            if (ok) {
                out.add(new NodeSpec(f.get("alias"), f.get("ipv4"), Optional.ofNullable(f.get("ipv6")), f.get("k8sName")));
            }
        }
        boolean allowNonHa = r.bool("allowNonHaNodeCount");
        if (!r.hasProblemFor("nodes") && !allowNonHa && (raw.size() < 3 || raw.size() % 2 == 0)) {
            r.problem("nodes", "has " + raw.size() + " servers; embedded etcd needs an odd number of at least 3 "
                    + "(3 tolerates one failure). Set allowNonHaNodeCount: true only for a deliberate test cluster");
        }
        if (raw.isEmpty() && !r.hasProblemFor("nodes")) {
            r.problem("nodes", "is empty; expected at least one entry of the form " + NODE_FORM);
        }
        return out;
    }

    private static List<String> cidrs(ConfigReader r, String key) {
        List<String> out = new ArrayList<>();
        for (ConfigReader.Item item : r.items(key)) {
            if (Net.isCidr(item.value())) {
                out.add(item.value());
            } else {
                r.problem(item.key(key), Shown.value(item.value()) + " is not a CIDR; expected e.g. 203.0.113.0/24 or 2001:db8::/32 "
                        + "(a prefix length of ASCII digits, no sign)");
            }
        }
        return out;
    }

    private static List<FirewallRuleSpec> extraRules(ConfigReader r) {
        List<FirewallRuleSpec> out = new ArrayList<>();
        String form = "'<port>[:<port>]/<tcp|udp> [from <cidr>]', e.g. '9100/tcp from 10.0.0.0/8'";
        for (ConfigReader.Item item : r.items("extraFirewallRules")) {
            String key = item.key("extraFirewallRules");
            var m = EXTRA_RULE.matcher(item.value().strip());
            if (!m.matches()) {
                r.problem(key, Shown.value(item.value()) + " is not a rule; expected " + form);
                continue;
            }
            int lo = Integer.parseInt(m.group(1));
            int hi = m.group(3) == null ? lo : Integer.parseInt(m.group(3));
            if (lo < 1 || hi > 65535 || hi < lo) {
                r.problem(key, "port range " + lo + ":" + hi + " is invalid; expected ports 1-65535, low before high");
                continue;
            }
            Optional<String> from = Optional.ofNullable(m.group(6));
            if (from.isPresent() && !Net.isCidr(from.get()) && Net.address(from.get()).isEmpty()) {
                r.problem(key, "source " + Shown.value(from.get()) + " is not an address or CIDR; expected " + form
                        + " (a prefix length of ASCII digits, no sign)");
                continue;
            }
            if (lo <= 22 && hi >= 22 && from.isPresent()) {
                r.problem(key, "restricts port 22, which the firewall always keeps open to the world so SSH cannot be lost");
                continue;
            }
            out.add(new FirewallRuleSpec(m.group(3) == null ? m.group(1) : lo + ":" + hi, m.group(4), from));
        }
        return out;
    }

    private static Map<String, Map<String, String>> nodeLabels(ConfigReader r, List<NodeSpec> nodes) {
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> names.add(n.k8sName()));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String form = "'<k8s node name>:<label key>=<value>', e.g. 'vps-1624d691:honeydue/redis=true'";
        for (ConfigReader.Item item : r.items("nodeLabels")) {
            String key = item.key("nodeLabels");
            String s = item.value();
            int colon = s.indexOf(':');
            int eq = s.indexOf('=', Math.max(colon, 0));
            if (colon <= 0 || eq < 0) {
                r.problem(key, Shown.value(s) + " is not a node label; expected " + form);
                continue;
            }
            String node = s.substring(0, colon);
            String lkey = s.substring(colon + 1, eq);
            String lval = s.substring(eq + 1);
            if (!names.contains(node)) {
                r.problem(key, "node " + Shown.value(node) + " is not in nodes" + ConfigReader.suggestion(node, names)
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(names)));
                continue;
            }
            if (!Identifiers.isLabelKey(lkey) || !Identifiers.isLabelValue(lval)) {
                r.problem(key, Shown.value(lkey + "=" + lval) + " is not a valid Kubernetes label; expected " + form);
                continue;
            }
            out.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(lkey, lval);
        }
        long redisNodes = out.values().stream().filter(l -> "true".equals(l.get(ClusterConfig.REDIS_LABEL))).count();
        if (redisNodes != 1 && !r.hasProblemFor("nodeLabels") && !r.hasProblemFor("nodes")) {
            r.problem("nodeLabels", (redisNodes == 0 ? "labels no node" : "labels " + redisNodes + " nodes")
                    + " with " + ClusterConfig.REDIS_LABEL + "=true; Redis keeps its local-path volume on exactly one node, "
                    + "expected exactly one entry like '<node>:" + ClusterConfig.REDIS_LABEL + "=true'");
        }
        return out;
    }
}
