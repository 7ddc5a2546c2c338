package com.honeydue.infra.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Address and CIDR parsing that never touches DNS (InetAddress is only fed literal addresses). */
public final class Net {
    private static final Pattern IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:]+$");

    private Net() {}

    public static boolean isIpv4(String s) {
        return s != null && IPV4.matcher(s).matches();
    }

    public static boolean isIpv6(String s) {
        if (s == null || !IPV6_CHARS.matcher(s).matches() || !s.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(s).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static boolean isCidr(String s) {
        if (s == null) {
            return false;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String addr = s.substring(0, slash);
        int bits;
        try {
            bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (isIpv4(addr)) {
            return bits >= 0 && bits <= 32;
        }
        return isIpv6(addr) && bits >= 0 && bits <= 128;
    }

    /** True when {@code inner} (an address or CIDR) lies inside {@code outer} (a CIDR) of the same family. */
    public static boolean contains(String outer, String inner) {
        if (!isCidr(outer)) {
            return false;
        }
        String innerCidr = inner.contains("/") ? inner : inner + (isIpv4(inner) ? "/32" : "/128");
        if (!isCidr(innerCidr)) {
            return false;
        }
        String[] o = outer.split("/");
        String[] i = innerCidr.split("/");
        if (isIpv4(o[0]) != isIpv4(i[0])) {
            return false;
        }
        int obits = Integer.parseInt(o[1]);
        int ibits = Integer.parseInt(i[1]);
        if (ibits < obits) {
            return false;
        }
        int width = isIpv4(o[0]) ? 32 : 128;
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(width - obits).subtract(BigInteger.ONE));
        return toInt(o[0]).and(mask).equals(toInt(i[0]).and(mask));
    }

    private static BigInteger toInt(String literal) {
        try {
            return new BigInteger(1, InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
