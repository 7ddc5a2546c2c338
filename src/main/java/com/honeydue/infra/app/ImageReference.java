package com.honeydue.infra.app;

import com.honeydue.infra.values.Shown;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@sha256:<64 hex>]}. A digest pins the exact
 * bytes; a tag alone can be re-pushed under a running cluster, which is why unpinned references are refused
 * unless a stack opts out explicitly.
 */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {
    /** A registry host[:port]; bounded, so it cannot recurse. */
    private static final Pattern REGISTRY = Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9.]{0,251}[a-zA-Z0-9])?(:[0-9]{1,5})?");
    /**
     * One path component: alphanumerics joined by '.', '_', '__' or dashes. Every repetition is possessive (each
     * alternative starts with a different character, so nothing is lost) and the component is at most
     * {@link #MAX_REPOSITORY} long: no input can make it recurse deeply.
     */
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]++(?:(?:[._]|__|-++)[a-z0-9]++)*+");
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
    /** The distribution spec's limit on a repository name (registry included). */
    static final int MAX_REPOSITORY = 255;
    static final int MAX_REFERENCE = MAX_REPOSITORY + 1 + 128 + 1 + 71;
    private static final Pattern DIGEST = Pattern.compile("^sha256:[0-9a-f]{64}$");
    public static final String FORM = "<registry>/<repository>[:<tag>]@sha256:<64 lower-case hex>, "
            + "e.g. gitea.treytartt.com/admin/honeydue-api@sha256:34fde6…";

    /** Parses {@code ref}; the error text says what is wrong and the expected form. */
    public static ImageReference parse(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("is empty; expected " + FORM);
        }
        if (ref.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException(Shown.value(ref) + " is too long; expected at most " + MAX_REFERENCE
                    + " characters: " + FORM);
        }
        String rest = ref.strip();
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            if (!DIGEST.matcher(d).matches()) {
                throw new IllegalArgumentException(Shown.value(ref) + " has digest " + Shown.value(d)
                        + ", which is not sha256:<64 lower-case hex>");
            }
            digest = Optional.of(d);
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String t = rest.substring(colon + 1);
            if (!TAG.matcher(t).matches()) {
                throw new IllegalArgumentException(Shown.value(ref) + " has tag " + Shown.value(t)
                        + ", which is not a valid image tag (letters, digits, _ . -, at most 128)");
            }
            tag = Optional.of(t);
            rest = rest.substring(0, colon);
        }
        if (!validRepository(rest)) {
            throw new IllegalArgumentException(Shown.value(ref) + " has repository " + Shown.value(rest)
                    + ", which is not a valid image name; expected " + FORM);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** [registry[:port]/]component(/component)*, at most {@link #MAX_REPOSITORY} characters. */
    static boolean validRepository(String repo) {
        if (repo.isEmpty() || repo.length() > MAX_REPOSITORY) {
            return false;
        }
        String[] parts = repo.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean ok = COMPONENT.matcher(parts[i]).matches() || (i == 0 && parts.length > 1 && REGISTRY.matcher(parts[i]).matches());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean pinned() {
        return digest.isPresent();
    }

    /**
     * 12 hex digits that change whenever the image does (names the migration Job): the digest's own prefix, or for
     * an unpinned reference (test stacks) a hash of the reference text.
     */
    public String shortId() {
        String hex = digest.map(d -> d.substring("sha256:".length())).orElseGet(() -> {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return hex.substring(0, 12);
    }

    /** The registry host, or docker.io for short names like {@code redis}. */
    public String registry() {
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }

    @Override
    public String toString() {
        return repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
