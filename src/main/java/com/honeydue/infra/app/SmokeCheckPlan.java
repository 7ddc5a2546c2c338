package com.honeydue.infra.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The post-deploy smoke check (runbook §6.10): the script, its environment and the equivalent one-liners. */
public final class SmokeCheckPlan {
    public static final String SCRIPT = "smoke-check.sh";

    private SmokeCheckPlan() {}

    /**
     * Parameters of the check one node runs against its own public address: {@code /api/health/} on the smoke
     * host must answer 200, and {@code /} on every routed host ({@code ROUTE_HOSTS}, the routes behind
     * {@code cloudflare-only} where it is attached) must answer anything but 403 (a 403 there means the node's own
     * request was refused by the allow-list, as every Cloudflare request would be on a masquerading load balancer).
     */
    public static Map<String, String> environment(String nodeIpv4, AppConfig.SmokeCheck c, List<IngressRoute> routes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_IPS", nodeIpv4);
        env.put("SMOKE_HOST", c.host());
        env.put("SMOKE_PATH", ProbePlan.API_HEALTH_PATH);
        env.put("ROUTE_HOSTS", String.join(" ", routes.stream().map(IngressRoute::host).distinct().toList()));
        env.put("ATTEMPTS", Integer.toString(c.attempts()));
        env.put("DELAY_SECONDS", Integer.toString(c.delaySeconds()));
        return env;
    }

    /**
     * One check per node, as an operator would type it; each should print {@code <ip> -> 200}. The curl runs on the
     * node itself: with the Cloudflare allow-list on, a direct request from anywhere else never reaches the origin.
     */
    public static List<String> commands(String sshUser, List<String> nodeIpv4s, String host) {
        return nodeIpv4s.stream().map(ip -> "ssh " + sshUser + "@" + ip + " \"curl -s -o /dev/null -w '" + ip
                + " -> %{http_code}\\n' -H 'Host: " + host + "' http://" + ip + ProbePlan.API_HEALTH_PATH + "\"").toList();
    }

}
