package com.honeydue.infra.values;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses and CIDRs, parsed by the ipaddress library in its strictest form and compared by value. Only the plain
 * literal spellings are accepted: dotted-quad IPv4 without leading zeros, RFC 4291 IPv6 text without zone, and a
 * prefix length of ASCII digits without sign. Nothing here touches DNS.
 */
public final class Net {
    /** Plain ASCII before the library sees anything: no sign, no non-ASCII digits, no zone, no brackets. */
    private static final Pattern IPV4_TEXT = Pattern.compile("[0-9.]{7,15}");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern PREFIX_TEXT = Pattern.compile("0|[1-9][0-9]{0,2}");

    private static final IPAddressStringParameters STRICT = strict();

    private Net() {}

    private static IPAddressStringParameters strict() {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowPrefix(false).allowMask(false)
                .allowPrefixOnly(false).allowWildcardedSeparator(false).allow_inet_aton(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        b.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowUnlimitedLeadingZeros(false).allowBinary(false)
                .allow_inet_aton(false).setRangeOptions(RangeParameters.NO_RANGE);
        b.getIPv6AddressParametersBuilder().allowZone(false).allowEmptyZone(false).allowBase85(false).allowBinary(false)
                .allowUnlimitedLeadingZeros(false).setRangeOptions(RangeParameters.NO_RANGE);
        return b.toParams();
    }

    /** A literal IPv4 or IPv6 address, strictly; empty for anything else. */
    public static Optional<IPAddress> address(String s) {
        if (s == null || !(IPV4_TEXT.matcher(s).matches() || (s.contains(":") && IPV6_TEXT.matcher(s).matches()))) {
            return Optional.empty();
        }
        try {
            IPAddress a = new IPAddressString(s, STRICT).toAddress();
            boolean v4Text = !s.contains(":");
            return a.isIPv4() == v4Text ? Optional.of(a) : Optional.empty();
        } catch (AddressStringException e) {
            return Optional.empty();
        }
    }

    public static boolean isIpv4(String s) {
        return address(s).filter(IPAddress::isIPv4).isPresent();
    }

    public static boolean isIpv6(String s) {
        return address(s).filter(IPAddress::isIPv6).isPresent();
    }

    /** {@code <address>/<prefix length>} with the length in range for the family; the address may have host bits set. */
    public record Cidr(IPAddress address, int prefix) {
        /** The network this CIDR covers. */
        public IPAddress block() {
            return address.toPrefixBlock(prefix);
        }

        public boolean ipv4() {
            return address.isIPv4();
        }

        /** Whether the host bits below the prefix are all zero (the network address itself). */
        public boolean isNetworkAddress() {
            return block().getLower().equals(address.withoutPrefixLength());
        }

        /** Same network, whatever the spelling: 2400:CB00::/32 and 2400:cb00:0::/32 share this key. */
        public String canonical() {
            return address.toCanonicalString() + "/" + prefix;
        }
    }

    public static Optional<Cidr> cidr(String s) {
        if (s == null) {
            return Optional.empty();
        }
        int slash = s.indexOf('/');
        if (slash < 0 || !PREFIX_TEXT.matcher(s.substring(slash + 1)).matches()) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(s.substring(slash + 1));
        return address(s.substring(0, slash)).filter(a -> prefix <= a.getBitCount()).map(a -> new Cidr(a, prefix));
    }

    public static boolean isCidr(String s) {
        return cidr(s).isPresent();
    }

    /** True when {@code inner} (an address or CIDR) lies inside {@code outer} (a CIDR) of the same family. */
    public static boolean contains(String outer, String inner) {
        Optional<Cidr> o = cidr(outer);
        Optional<IPAddress> i = inner != null && inner.contains("/") ? cidr(inner).map(Cidr::block) : address(inner);
        if (o.isEmpty() || i.isEmpty() || o.get().address().isIPv4() != i.get().isIPv4()) {
            return false;
        }
        return o.get().block().contains(i.get());
    }

    /** The canonical text of an address (lower-case, compressed IPv6), so two spellings compare equal. */
    public static String canonical(IPAddress a) {
        return a.withoutPrefixLength().toCanonicalString();
    }

    /**
     * Why no node can be reached at this address (unspecified, broadcast, loopback, multicast, link-local), or
     * empty when it is a usable unicast address.
     */
    public static Optional<String> unusableForNode(IPAddress a) {
        if (a.isUnspecified() || a.isZero()) {
            return Optional.of("the unspecified address");
        }
        if (a.isIPv4() && a.isMax()) {
            return Optional.of("the broadcast address");
        }
        if (a.isLoopback()) {
            return Optional.of("a loopback address");
        }
        if (a.isMulticast()) {
            return Optional.of("a multicast address");
        }
        if (a.isLinkLocal()) {
            return Optional.of("a link-local address");
        }
        if (a.isIPv6() && a.toIPv6().isIPv4Mapped()) {
            return Optional.of("an IPv4-mapped IPv6 address");
        }
        return Optional.empty();
    }
}
