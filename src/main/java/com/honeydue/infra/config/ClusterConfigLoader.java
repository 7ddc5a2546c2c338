package com.honeydue.infra.config;

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
    static final Pattern K3S_VERSION = Pattern.compile("^v\\d+\\.\\d+\\.\\d+\\+k3s\\d+$");
    private static final Pattern CRON_FIELD =
            Pattern.compile("^(\\*|\\d+(-\\d+)?)(/\\d+)?(,(\\*|\\d+(-\\d+)?)(/\\d+)?)*$");
    private static final Pattern LABEL_KEY =
            Pattern.compile("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");
    private static final Pattern EXTRA_RULE =
            Pattern.compile("^(\\d{1,5})(:(\\d{1,5}))?/(tcp|udp)(\\s+from\\s+(\\S+))?$");
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
            r.problem("sshUser", "'" + sshUser + "' is not a valid Unix user name; expected e.g. ubuntu or deploy");
        }
        Secret sshKey = r.secret("sshPrivateKey", true).orElse(Secret.of(""));
        int dialErrorLimit = r.integer("sshDialErrorLimit", 1, 1000);
        int perDialTimeout = r.integer("sshPerDialTimeoutSeconds", 1, 600);

        String k3sVersion = r.string("k3sVersion", K3S_VERSION, "a k3s release like v1.34.6+k3s1 (vX.Y.Z+k3sN)");
        String flannel = r.string("flannelBackend");
        if (flannel.isEmpty() || flannel.equals("profile")) {
            flannel = profile.flannelBackend();
        } else if (!List.of("vxlan", "wireguard-native", "host-gw").contains(flannel)) {
            r.problem("flannelBackend", "'" + flannel + "' is not supported; expected profile, vxlan, wireguard-native or host-gw");
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
            r.problem("kubeProxyMode", "'" + kubeProxy + "' is not valid; expected profile, iptables, ipvs or nftables");
        }

        String cron = r.string("etcdSnapshotCron");
        if (!r.hasProblemFor("etcdSnapshotCron") && !isCron(cron)) {
            r.problem("etcdSnapshotCron", "'" + cron + "' is not a 5-field cron expression; expected e.g. \"0 */12 * * *\"");
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
                r.problem("operatorCidr", "'" + operatorCidr + "' is not a CIDR; expected e.g. 203.0.113.7/32");
            } else if (restrictApi && !adminCidrs.isEmpty() && adminCidrs.stream().noneMatch(c -> Net.contains(c, operatorCidr))) {
                r.problem("adminCidrs", "does not include operatorCidr " + operatorCidr
                        + "; applying it would lock you out of 6443. Add your address or set restrictApiServer: false");
            }
        }
        List<FirewallRuleSpec> extra = extraRules(r);
        Map<String, Map<String, String>> labels = nodeLabels(r, nodes);
        int readyTimeout = r.integer("nodeReadyTimeoutSeconds", 30, 3600);
        String installer = r.string("k3sInstallerUrl", Pattern.compile("^(https://|file:///)\\S+$"),
                "an https:// URL of the k3s install script (default https://get.k3s.io)");

        String initialAlias = r.string("initialServer");
        String joinAlias = r.string("joinTarget");
        Optional<NodeSpec> initial = Optional.empty();
        NodeSpec joinTarget = nodes.isEmpty() ? new NodeSpec("", "", Optional.empty(), "") : nodes.get(0);
        if (!nodes.isEmpty()) {
            var aliases = nodes.stream().map(NodeSpec::alias).toList();
            initial = initialAlias.isEmpty() ? Optional.of(nodes.get(0)) : byAlias(nodes, initialAlias);
            if (joinAlias.isEmpty()) {
                if (initial.isEmpty()) {
                    r.problem("joinTarget", "must name a live server because initialServer '" + initialAlias
                            + "' is no longer in nodes; expected one of " + String.join(", ", aliases));
                } else {
                    joinTarget = initial.get();
                }
            } else if (byAlias(nodes, joinAlias).isEmpty()) {
                r.problem("joinTarget", "'" + joinAlias + "' is not in nodes" + ConfigReader.suggestion(joinAlias, aliases)
                        + "; expected the alias of a live server: " + String.join(", ", aliases));
            } else {
                joinTarget = byAlias(nodes, joinAlias).get();
            }
        }
        return new ClusterConfig(profile, nodes, sshUser, sshKey, dialErrorLimit, perDialTimeout, k3sVersion, flannel,
                flannelExternalIp, servicelb, hostNetworkTraefik, lowPorts, kubeProxy, cron, retention, restrictApi,
                adminCidrs, extra, labels, readyTimeout, installer, initial, joinTarget, restore(r), etcdS3(r));
    }

    /** Optional S3 copies of the etcd snapshots (Backblaze B2 is S3-compatible and already in use). */
    private static Optional<ClusterConfig.EtcdS3> etcdS3(ConfigReader r) {
        if (!r.bool("etcdS3Enabled")) {
            return Optional.empty();
        }
        String endpoint = r.string("etcdS3Endpoint", Pattern.compile("^[A-Za-z0-9.-]+(:\\d{1,5})?$"),
                "an S3 endpoint host without scheme, e.g. s3.us-east-005.backblazeb2.com");
        String region = r.string("etcdS3Region");
        String bucket = r.string("etcdS3Bucket", Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$"),
                "an S3 bucket name, e.g. honeydue-etcd-snapshots");
        String folder = r.string("etcdS3Folder");
        if (folder.isEmpty()) {
            folder = "etcd-" + r.stack();
        } else if (!Pattern.matches("^[A-Za-z0-9._/-]+$", folder)) {
            r.problem("etcdS3Folder", "'" + folder + "' is not a folder name; expected letters, digits, . _ - and /");
        }
        var access = r.secret("etcdS3AccessKey", true);
        var secret = r.secret("etcdS3SecretKey", true);
        if (access.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterConfig.EtcdS3(endpoint, region, bucket, folder, access.get(), secret.get()));
    }

    /** A restore is destructive: it needs the snapshot name AND a confirmation naming stack and snapshot. */
    private static Optional<String> restore(ConfigReader r) {
        String snapshot = r.string("etcdRestoreSnapshot");
        String confirm = r.string("etcdRestoreConfirm");
        if (snapshot.isEmpty()) {
            if (!confirm.isEmpty()) {
                r.problem("etcdRestoreConfirm", "is set but etcdRestoreSnapshot is empty; remove it once a restore is done");
            }
            return Optional.empty();
        }
        if (!Pattern.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$", snapshot)) {
            r.problem("etcdRestoreSnapshot", "'" + snapshot + "' is not a snapshot file name; expected a name from "
                    + "'sudo ls /var/lib/rancher/k3s/server/db/snapshots' such as etcd-snapshot-vps-1624d691-1767225600");
            return Optional.empty();
        }
        String expected = r.stack() + ":" + snapshot;
        if (!confirm.equals(expected)) {
            r.problem("etcdRestoreConfirm", "must be exactly '" + expected + "' to restore etcd from " + snapshot
                    + "; a restore resets the cluster to that snapshot and loses every change made since");
            return Optional.empty();
        }
        return Optional.of(snapshot);
    }

    private static Optional<NodeSpec> byAlias(List<NodeSpec> nodes, String alias) {
        return nodes.stream().filter(n -> n.alias().equals(alias)).findFirst();
    }

    static boolean isCron(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length != 5) {
            return false;
        }
        int[] max = {59, 23, 31, 12, 7};
        for (int i = 0; i < 5; i++) {
            if (!CRON_FIELD.matcher(fields[i]).matches()) {
                return false;
            }
            for (String n : fields[i].split("[^0-9]+")) {
                if (!n.isEmpty() && Integer.parseInt(n) > (fields[i].contains("/" + n) ? 1000 : max[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<NodeSpec> nodes(ConfigReader r) {
        List<String> raw = r.stringList("nodes");
        List<NodeSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = "nodes[" + i + "]";
            Map<String, String> f = new LinkedHashMap<>();
            boolean ok = true;
            for (String token : raw.get(i).trim().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    r.problem(key, "'" + token + "' is not key=value; expected " + NODE_FORM);
                    ok = false;
                    continue;
                }
                String k = token.substring(0, eq);
                if (!List.of("alias", "ipv4", "ipv6", "k8sName").contains(k)) {
                    r.problem(key, "unknown field '" + k + "'" + ConfigReader.suggestion(k, List.of("alias", "ipv4", "ipv6", "k8sName"))
                            + "; expected " + NODE_FORM);
                    ok = false;
                }
                f.put(k, token.substring(eq + 1));
            }
            for (String required : List.of("alias", "ipv4", "k8sName")) {
                if (!f.containsKey(required)) {
                    r.problem(key + "." + required, "is missing; expected " + NODE_FORM);
                    ok = false;
                }
            }
            String ipv4 = f.getOrDefault("ipv4", "");
            if (f.containsKey("ipv4") && !Net.isIpv4(ipv4)) {
                r.problem(key + ".ipv4", "'" + ipv4 + "' is not an IPv4 address; expected four octets 0-255 like 51.81.83.33");
                ok = false;
            }
            Optional<String> ipv6 = Optional.ofNullable(f.get("ipv6"));
            if (ipv6.isPresent() && !Net.isIpv6(ipv6.get())) {
                r.problem(key + ".ipv6", "'" + ipv6.get() + "' is not an IPv6 address; expected e.g. 2604:2dc0:101:200::5a9a");
                ok = false;
            }
            String k8sName = f.getOrDefault("k8sName", "");
            if (f.containsKey("k8sName") && !DNS_LABEL.matcher(k8sName).matches()) {
                r.problem(key + ".k8sName", "'" + k8sName + "' is not a valid Kubernetes node name; expected lower-case DNS name like vps-1624d691");
                ok = false;
            }
            for (String field : List.of("alias", "ipv4", "ipv6", "k8sName")) {
                String v = f.get(field);
                if (v == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(field + "=" + v, i);
                if (first != null) {
                    r.problem(key + "." + field, "'" + v + "' duplicates nodes[" + first + "]." + field + "; every node needs its own");
                    ok = false;
                }
            }
            if (ok) {
                out.add(new NodeSpec(f.get("alias"), ipv4, ipv6, k8sName));
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
        List<String> list = r.stringList(key);
        for (int i = 0; i < list.size(); i++) {
            if (!Net.isCidr(list.get(i))) {
                r.problem(key + "[" + i + "]", "'" + list.get(i) + "' is not a CIDR; expected e.g. 203.0.113.0/24 or 2001:db8::/32");
            }
        }
        return list.stream().filter(Net::isCidr).toList();
    }

    private static List<FirewallRuleSpec> extraRules(ConfigReader r) {
        List<FirewallRuleSpec> out = new ArrayList<>();
        List<String> raw = r.stringList("extraFirewallRules");
        for (int i = 0; i < raw.size(); i++) {
            var m = EXTRA_RULE.matcher(raw.get(i).trim());
            String key = "extraFirewallRules[" + i + "]";
            String form = "'<port>[:<port>]/<tcp|udp> [from <cidr>]', e.g. '9100/tcp from 10.0.0.0/8'";
            if (!m.matches()) {
                r.problem(key, "'" + raw.get(i) + "' is not a rule; expected " + form);
                continue;
            }
            int lo = Integer.parseInt(m.group(1));
            int hi = m.group(3) == null ? lo : Integer.parseInt(m.group(3));
            if (lo < 1 || hi > 65535 || hi < lo) {
                r.problem(key, "port range " + lo + ":" + hi + " is invalid; expected ports 1-65535, low before high");
                continue;
            }
            Optional<String> from = Optional.ofNullable(m.group(6));
            if (from.isPresent() && !Net.isCidr(from.get()) && !Net.isIpv4(from.get()) && !Net.isIpv6(from.get())) {
                r.problem(key, "source '" + from.get() + "' is not an address or CIDR; expected " + form);
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
        List<String> raw = r.stringList("nodeLabels");
        String form = "'<k8s node name>:<label key>=<value>', e.g. 'vps-1624d691:honeydue/redis=true'";
        for (int i = 0; i < raw.size(); i++) {
            String key = "nodeLabels[" + i + "]";
            String s = raw.get(i);
            int colon = s.indexOf(':');
            int eq = s.indexOf('=', Math.max(colon, 0));
            if (colon <= 0 || eq < 0) {
                r.problem(key, "'" + s + "' is not a node label; expected " + form);
                continue;
            }
            String node = s.substring(0, colon);
            String lkey = s.substring(colon + 1, eq);
            String lval = s.substring(eq + 1);
            if (!names.contains(node)) {
                r.problem(key, "node '" + node + "' is not in nodes" + ConfigReader.suggestion(node, names)
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(names)));
                continue;
            }
            if (!LABEL_KEY.matcher(lkey).matches() || !LABEL_VALUE.matcher(lval).matches()) {
                r.problem(key, "'" + lkey + "=" + lval + "' is not a valid Kubernetes label; expected " + form);
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
