package com.honeydue.infra.edge;

import com.honeydue.infra.values.Shown;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hostname rules of one Cloudflare zone: what is inside it and what the zone's origin certificate covers. */
public final class ZoneHostnames {
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    private ZoneHostnames() {}

    /** A lower-case DNS name of at least two labels, without a trailing dot. */
    public static boolean isHostname(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The apex itself or any name below it; a suffix match on whole labels (notmyhoneydue.com is outside). */
    public static boolean inZone(String hostname, String zone) {
        return hostname.equals(zone) || hostname.endsWith("." + zone);
    }

    /** 0 for the apex, 1 for api.zone, 2 for a.b.zone; only meaningful when {@link #inZone} holds. */
    public static int depthBelowZone(String hostname, String zone) {
        if (hostname.equals(zone)) {
            return 0;
        }
        String prefix = hostname.substring(0, hostname.length() - zone.length() - 1);
        return prefix.split("\\.").length;
    }

    /** What a Cloudflare Origin CA certificate for the zone is requested for: the apex and one wildcard level. */
    public static List<String> certificateHostnames(String zone) {
        return List.of(zone, "*." + zone);
    }

    /** Whether {@link #certificateHostnames} covers the name: a wildcard matches exactly one label. */
    public static boolean coveredByZoneCertificate(String hostname, String zone) {
        return inZone(hostname, zone) && depthBelowZone(hostname, zone) <= 1;
    }

    /** Why {@code hostname} cannot be served from {@code zone}, or empty when it can. */
    public static Optional<String> problem(String hostname, String zoneName) {
        String zone = Shown.text(zoneName); // only shown below: the zone may itself be a long, invalid value
        if (!isHostname(hostname)) {
            return Optional.of(Shown.value(hostname) + " is not a hostname; expected a lower-case DNS name without a trailing dot, "
                    + "e.g. api." + zone);
        }
        if (!inZone(hostname, zoneName)) {
            return Optional.of(Shown.value(hostname) + " is outside the zone " + zone + " (cloudflareZoneName); expected "
                    + zone + " itself or a name ending in ." + zone);
        }
        return Optional.empty();
    }
}
