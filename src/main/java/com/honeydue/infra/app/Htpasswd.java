package com.honeydue.infra.app;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * htpasswd lines for Traefik's basicAuth middleware, as bcrypt ({@code $2y$}, cost {@value #COST}), which Traefik
 * verifies through go-http-auth's CheckSecret (traefik, pkg/middlewares/auth/basic_auth.go).
 *
 * <p>The salt must be stable, or every {@code pulumi up} would rewrite the Secret (and show a diff), but it must not
 * come from the password alone (that would make the hash a fixed function of the password, defeating the salt).
 * It is therefore 16 bytes of HMAC-SHA256 keyed with another secret (the app's {@code appSecretKey}) over the stack
 * and the user: stable across renders, different per stack and user, unknowable without that key, and unrelated to
 * the password. Rotating {@code appSecretKey} re-salts the line (one Secret update, same password).
 */
public final class Htpasswd {
    /** bcrypt's work factor: Traefik verifies on every request (concurrent identical checks share one). */
    static final int COST = 10;
    /** bcrypt reads at most 72 bytes; Go's bcrypt (Traefik) refuses longer passwords outright. */
    static final int MAX_PASSWORD_BYTES = 72;

    private Htpasswd() {}

    /** {@code user:$2y$10$<salt><hash>}. */
    public static String line(String user, String password, String saltKey, String stack) {
        if (user.isEmpty() || user.contains(":") || user.contains("\n")) {
            throw new IllegalArgumentException("basic-auth user must be non-empty without ':' or newlines");
        }
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        if (pw.length == 0 || pw.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("adminBasicAuthPassword must be 1 to " + MAX_PASSWORD_BYTES
                    + " bytes: bcrypt reads no more, and Traefik's bcrypt refuses longer passwords");
        }
        return user + ":" + bcrypt(pw, salt(saltKey, stack, user));
    }

    /** {@code $2y$10$<22 chars salt><31 chars hash>}. */
    static String bcrypt(byte[] password, byte[] salt) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(COST, salt, password), StandardCharsets.US_ASCII);
    }

    /** 16 bytes (bcrypt's salt size) of HMAC-SHA256(saltKey, stack, user); never derived from the password. */
    static byte[] salt(String saltKey, String stack, String user) {
        if (saltKey.isEmpty()) {
            throw new IllegalArgumentException("the basic-auth salt key (appSecretKey) must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(saltKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(("honeydue admin-basic-auth bcrypt salt\0" + stack + "\0" + user)
                    .getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(h, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
