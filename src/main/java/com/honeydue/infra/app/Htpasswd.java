package com.honeydue.infra.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * htpasswd lines for Traefik's basicAuth middleware, in Apache's {@code $apr1$} (MD5-crypt, 1000 rounds) form,
 * which Traefik accepts. The salt is derived from the password and user (HMAC-SHA256), so the line is
 * deterministic: the same secret yields the same Secret object and {@code pulumi up} shows no diff, while two
 * users with one password still get different hashes.
 */
public final class Htpasswd {
    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String MAGIC = "$apr1$";

    private Htpasswd() {}

    /** {@code user:$apr1$<salt>$<hash>}. */
    public static String line(String user, String password) {
        if (user.isEmpty() || user.contains(":") || user.contains("\n")) {
            throw new IllegalArgumentException("basic-auth user must be non-empty without ':' or newlines");
        }
        return user + ":" + apr1(password, derivedSalt(user, password));
    }

    static String derivedSalt(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.isEmpty() ? new byte[1] : password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(("honeydue admin-basic-auth " + user).getBytes(StandardCharsets.UTF_8));
            StringBuilder salt = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                salt.append(ITOA64.charAt(h[i] & 0x3f));
            }
            return salt.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Apache MD5-crypt ({@code apr_md5_encode}); {@code salt} is at most 8 characters of [./0-9A-Za-z]. */
    static String apr1(String password, String salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.getBytes(StandardCharsets.US_ASCII);
        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(MAGIC.getBytes(StandardCharsets.US_ASCII));
        ctx.update(s);
        MessageDigest alt = md5();
        alt.update(pw);
        alt.update(s);
        alt.update(pw);
        byte[] fin = alt.digest();
        for (int left = pw.length; left > 0; left -= 16) {
            ctx.update(fin, 0, Math.min(left, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw[0]);
            }
        }
        fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest r = md5();
            if ((i & 1) != 0) r.update(pw); else r.update(fin);
            if (i % 3 != 0) r.update(s);
            if (i % 7 != 0) r.update(pw);
            if ((i & 1) != 0) r.update(fin); else r.update(pw);
            fin = r.digest();
        }
        StringBuilder out = new StringBuilder(MAGIC).append(salt).append('$');
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) {
            to64(out, ((fin[g[0]] & 0xff) << 16) | ((fin[g[1]] & 0xff) << 8) | (fin[g[2]] & 0xff), 4);
        }
        to64(out, fin[11] & 0xff, 2);
        return out.toString();
    }

    private static void to64(StringBuilder out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
