package com.honeydue.infra.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The post-deploy smoke check (runbook §6.10): the script, its environment and the equivalent one-liners. */
public final class SmokeCheckPlan {
    public static final String SCRIPT = "smoke-check.sh";

    private SmokeCheckPlan() {}

    /** Parameters of the check one node runs against its own public address. */
    public static Map<String, String> environment(String nodeIpv4, AppConfig.SmokeCheck c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_IPS", nodeIpv4);
        env.put("SMOKE_HOST", c.host());
        env.put("SMOKE_PATH", ProbePlan.API_HEALTH_PATH);
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
