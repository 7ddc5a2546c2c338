package com.honeydue.infra.stack;

import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.values.Identifiers;
import com.honeydue.infra.values.Net;
import com.honeydue.infra.values.Shown;
import inet.ipaddr.IPAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code nodes}: {@code alias=<ssh alias> ipv4=<a.b.c.d> [ipv6=<address>] k8sName=<node name>}. Every
 * field is checked here, with its key named ({@code nodes[1].alias}): the alias and node name become resource,
 * directory and Kubernetes names and k3s flags, the addresses SSH targets, firewall rules and DNS records.
 */
final class NodeEntry {
    private NodeEntry() {}

    /** The fields of one entry, or null when the entry cannot be split (every problem recorded). */
    static Map<String, String> fields(ConfigReader r, String key, String entry) {
        Map<String, String> f = new LinkedHashMap<>();
        boolean ok = true;
        String trimmed = entry.strip();
        if (trimmed.isEmpty()) {
            r.problem(key, "is empty; expected " + ClusterConfigLoader.NODE_FORM);
            return null;
        }
        for (String token : trimmed.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                r.problem(key, Shown.value(token) + " is not key=value; expected " + ClusterConfigLoader.NODE_FORM);
                ok = false;
                continue;
            }
            String k = token.substring(0, eq);
            if (!ClusterConfigLoader.NODE_FIELDS.contains(k)) {
                r.problem(key, "unknown field " + Shown.value(k) + ConfigReader.suggestion(k, ClusterConfigLoader.NODE_FIELDS)
                        + "; expected " + ClusterConfigLoader.NODE_FORM);
                ok = false;
                continue;
            }
            if (f.containsKey(k)) {
                r.problem(key + "." + k, "is given twice in this entry (" + Shown.value(f.get(k)) + " and "
                        + Shown.value(token.substring(eq + 1)) + "); expected each field once");
                ok = false;
                continue;
            }
            f.put(k, token.substring(eq + 1));
        }
        return ok ? f : null;
    }

    /** Checks the fields' forms; false when any is wrong (each problem recorded under {@code key.field}). */
    static boolean check(ConfigReader r, String key, Map<String, String> f) {
        boolean ok = true;
        for (String required : List.of("alias", "ipv4", "k8sName")) {
            if (!f.containsKey(required)) {
                r.problem(key + "." + required, "is missing; expected " + ClusterConfigLoader.NODE_FORM);
                ok = false;
            }
        }
        String alias = f.get("alias");
        if (alias != null && !Identifiers.isAlias(alias)) {
            r.problem(key + ".alias", Shown.value(alias) + " is not a valid alias; expected " + Identifiers.ALIAS_FORM);
            ok = false;
        }
        ok &= address(r, key + ".ipv4", f.get("ipv4"), true);
        ok &= address(r, key + ".ipv6", f.get("ipv6"), false);
        String name = f.get("k8sName");
        if (name != null && !Identifiers.isNodeName(name)) {
            r.problem(key + ".k8sName", Shown.value(name) + " is not a valid Kubernetes node name; expected "
                    + Identifiers.NODE_NAME_FORM);
            ok = false;
        }
        return ok;
    }

    private static boolean address(ConfigReader r, String key, String value, boolean ipv4) {
        if (value == null) {
            return true;
        }
        Optional<IPAddress> a = Net.address(value).filter(x -> x.isIPv4() == ipv4);
        if (a.isEmpty()) {
            r.problem(key, Shown.value(value) + (ipv4
                    ? " is not an IPv4 address; expected four octets 0-255 without leading zeros like 51.81.83.33"
                    : " is not an IPv6 address; expected e.g. 2604:2dc0:101:200::5a9a (no zone, no brackets)"));
            return false;
        }
        Optional<String> unusable = Net.unusableForNode(a.get());
        if (unusable.isPresent()) {
            r.problem(key, Shown.value(value) + " is " + unusable.get() + ", which no node can be reached at; expected the "
                    + "node's public unicast address");
            return false;
        }
        return true;
    }
}
