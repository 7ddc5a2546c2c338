package com.honeydue.infra.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Ingress objects for the configured routes. Traefik attaches middlewares per Ingress (annotation), so hosts
 * that need different middleware chains get different Ingresses:
 * <ul>
 *   <li>{@code honeydue-public}: api, apex and web hosts, behind {@code cloudflare-only} where it is attached
 *       ({@link CloudflareOnlyPlan}: hostNetwork Traefik only);</li>
 *   <li>{@code honeydue-admin}: admin hosts, behind {@code cloudflare-only} and the basic-auth middleware;</li>
 *   <li>{@code honeydue-api-health}: exactly {@code /api/health/} on the smoke-check host, with no middleware,
 *       so a direct-IP check works (runbook §6.10). Traefik prefers it over the host-wide rule because its rule
 *       is longer.</li>
 * </ul>
 */
public final class IngressPlan {
    public static final String CLOUDFLARE_ONLY = "cloudflare-only";
    public static final String ADMIN_BASIC_AUTH = "admin-basic-auth";
    public static final String ORIGIN_CERT_SECRET = "cloudflare-origin-cert";

    /** One Ingress: its routes (path {@code /} Prefix unless {@code exactPath} is set) and Traefik settings. */
    public record IngressSpec(String name, List<IngressRoute> routes, Optional<String> exactPath, List<String> middlewares,
                              String entrypoint, boolean tls) {
        public IngressSpec {
            routes = List.copyOf(routes);
            middlewares = List.copyOf(middlewares);
        }
    }

    private IngressPlan() {}

    /**
     * @param cloudflareOnly the {@code cloudflare-only} middleware exists and is attached: the allow-list is on and
     *                       Traefik sees client addresses (see {@link CloudflareOnlyPlan})
     * @param originTls      Cloudflare Full (strict): serve the routes on websecure with the origin certificate
     * @param healthHost     the host whose {@code /api/health/} stays reachable without middleware; empty = none
     */
    public static List<IngressSpec> plan(List<IngressRoute> routes, boolean cloudflareOnly, boolean originTls,
                                         Optional<String> healthHost) {
        String entrypoint = originTls ? "websecure" : "web";
        List<IngressSpec> out = new ArrayList<>();
        List<IngressRoute> publicRoutes = routes.stream().filter(r -> !r.service().equals("admin")).toList();
        List<IngressRoute> adminRoutes = routes.stream().filter(r -> r.service().equals("admin")).toList();
        if (!publicRoutes.isEmpty()) {
            out.add(new IngressSpec("honeydue-public", publicRoutes, Optional.empty(),
                    cloudflareOnly ? List.of(CLOUDFLARE_ONLY) : List.of(), entrypoint, originTls));
        }
        if (!adminRoutes.isEmpty()) {
            List<String> chain = new ArrayList<>();
            if (cloudflareOnly) {
                chain.add(CLOUDFLARE_ONLY);
            }
            chain.add(ADMIN_BASIC_AUTH);
            out.add(new IngressSpec("honeydue-admin", adminRoutes, Optional.empty(), chain, entrypoint, originTls));
        }
        healthHost.ifPresent(host -> {
            IngressRoute route = routes.stream().filter(r -> r.host().equals(host) && r.service().equals("api")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("health host " + host + " is not routed to api"));
            // Plain HTTP on :80 on purpose: the smoke check and §6.10 diagnostics curl http://<node IP>/api/health/.
            out.add(new IngressSpec("honeydue-api-health", List.of(route), Optional.of(ProbePlan.API_HEALTH_PATH),
                    List.of(), "web", false));
        });
        return out;
    }

    /** Traefik's reference to a middleware CRD in namespace {@code ns}: {@code <ns>-<name>@kubernetescrd}. */
    public static String middlewareRef(String namespace, String middleware) {
        return namespace + "-" + middleware + "@kubernetescrd";
    }
}
