package com.honeydue.infra.edge;

import com.honeydue.infra.values.Net;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a list of published ranges (Cloudflare's ips-v4 / ips-v6) into the CIDRs a firewall can use. Strict on
 * purpose: a typo here either opens 80/443 to more than Cloudflare or shuts Cloudflare out.
 */
public final class CidrRanges {
    /** Prefixes shorter than these are far wider than any range Cloudflare publishes (its widest: /13, /29). */
    static final int MIN_IPV4_PREFIX = 8;
    static final int MIN_IPV6_PREFIX = 16;

    public enum Family {
        IPV4("IPv4", 32, MIN_IPV4_PREFIX, "173.245.48.0/20"),
        IPV6("IPv6", 128, MIN_IPV6_PREFIX, "2400:cb00::/32");

        final String label;
        final int width;
        final int minPrefix;
        final String example;

        Family(String label, int width, int minPrefix, String example) {
            this.label = label;
            this.width = width;
            this.minPrefix = minPrefix;
            this.example = example;
        }
    }

    /** One entry that was refused, by its position in the input list. */
    public record Invalid(int index, String value, String reason) {}

    /** The accepted ranges (trimmed, lower-case, input order) and every refused entry. */
    public record Parsed(List<String> ranges, List<Invalid> invalid) {
        public Parsed {
            ranges = List.copyOf(ranges);
            invalid = List.copyOf(invalid);
        }
    }

    private CidrRanges() {}

    public static Parsed parse(List<String> raw, Family family) {
        List<String> ok = new ArrayList<>();
        List<Invalid> bad = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i) == null ? "" : raw.get(i).strip().toLowerCase(Locale.ROOT);
            String reason = check(value, family);
            if (reason == null) {
                Integer first = seen.putIfAbsent(canonicalKey(value), i);
                if (first != null) {
                    reason = "duplicates entry " + first;
                }
            }
            if (reason == null) {
                ok.add(value);
            } else {
                bad.add(new Invalid(i, raw.get(i), reason));
            }
        }
        return new Parsed(ok, bad);
    }

    private static String check(String value, Family family) {
        var parsed = Net.cidr(value);
        if (parsed.isEmpty()) {
            return "is not a CIDR; expected an " + family.label + " range like " + family.example;
        }
        Net.Cidr cidr = parsed.get();
        if (cidr.ipv4() != (family == Family.IPV4)) {
            return "is an " + (cidr.ipv4() ? "IPv4" : "IPv6") + " range in the " + family.label + " list; expected e.g. " + family.example;
        }
        if (cidr.prefix() < family.minPrefix) {
            return "is a /" + cidr.prefix() + ", far wider than any Cloudflare range; expected a prefix of /" + family.minPrefix
                    + " or longer, e.g. " + family.example;
        }
        if (!cidr.isNetworkAddress()) {
            return "has host bits set below /" + cidr.prefix() + "; expected the network address (as Cloudflare publishes it)";
        }
        return null;
    }

    /** Same range written differently (2400:CB00::/32 vs 2400:cb00:0::/32) counts as a duplicate. */
    private static String canonicalKey(String cidr) {
        return Net.cidr(cidr).map(Net.Cidr::canonical).orElse(cidr);
    }
}
