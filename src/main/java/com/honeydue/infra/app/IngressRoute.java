package com.honeydue.infra.app;

import com.honeydue.infra.values.Shown;
import java.util.List;
import java.util.regex.Pattern;

/** One public host and the Service behind it, from config strings like {@code api.myhoneydue.com=api}. */
public record IngressRoute(String host, String service) {
    public static final List<String> SERVICES = List.of("api", "web", "admin");
    public static final String FORM = "'<host>=<service>' with service one of api, web, admin, e.g. 'api.myhoneydue.com=api'";
    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public static IngressRoute parse(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(Shown.value(s) + " is not a route; expected " + FORM);
        }
        String host = s.substring(0, eq).strip();
        String service = s.substring(eq + 1).strip();
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host " + Shown.value(host) + " is not a lower-case DNS name; expected " + FORM);
        }
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("service " + Shown.value(service) + " is not routable; expected " + FORM);
        }
        return new IngressRoute(host, service);
    }
}
