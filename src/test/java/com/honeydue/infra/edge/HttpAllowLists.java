package com.honeydue.infra.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two places the Cloudflare allow-list ends up, read back from what the engine received: the UFW rules for
 * 80/443 in each node's firewall step, and the Traefik {@code cloudflare-only} middleware's source ranges.
 *
 * @param ufwSources        node alias → port ("80", "443") → allowed sources, in rule order; "any" = the world
 * @param middlewareSources spec.ipAllowList.sourceRange of the cloudflare-only Middleware, when the app is in the run
 */
record HttpAllowLists(Map<String, Map<String, List<String>>> ufwSources, Optional<List<String>> middlewareSources) {
    static final String WORLD = "any";
    private static final Pattern UFW_RULES = Pattern.compile("(?m)^export UFW_RULES='([^']*)'$");
    private static final Pattern HTTP_FROM = Pattern.compile("^allow from (\\S+) to any port (80|443) proto tcp$");
    private static final Pattern HTTP_WORLD = Pattern.compile("^allow (80|443)/tcp$");

    static HttpAllowLists of(StackRun run) {
        Map<String, Map<String, List<String>>> ufw = new LinkedHashMap<>();
        for (RecordedResource step : run.ofType("command:remote:Command")) {
            if (!step.name().endsWith("-firewall")) {
                continue;
            }
            String alias = step.name().substring(0, step.name().length() - "-firewall".length());
            Matcher rules = UFW_RULES.matcher(step.inputs().path("create").asText());
            if (!rules.find()) {
                throw new AssertionError(step.name() + " has no UFW_RULES export in its create command");
            }
            Map<String, List<String>> byPort = new LinkedHashMap<>();
            byPort.put("80", new ArrayList<>());
            byPort.put("443", new ArrayList<>());
            for (String rule : rules.group(1).split("\n")) {
                Matcher from = HTTP_FROM.matcher(rule);
                Matcher world = HTTP_WORLD.matcher(rule);
                if (from.matches()) {
                    byPort.get(from.group(2)).add(from.group(1));
                } else if (world.matches()) {
                    byPort.get(world.group(1)).add(WORLD);
                }
            }
            ufw.put(alias, byPort);
        }
        return new HttpAllowLists(ufw, middleware(run));
    }

    /** Found by what it is (a Traefik Middleware named cloudflare-only), not by the app's resource naming. */
    private static Optional<List<String>> middleware(StackRun run) {
        for (RecordedResource r : run.resources()) {
            JsonNode in = r.inputs();
            if (in.path("kind").asText().equals("Middleware") && in.path("metadata").path("name").asText().equals("cloudflare-only")) {
                JsonNode ranges = in.path("spec").path("ipAllowList").path("sourceRange");
                if (!ranges.isArray()) {
                    throw new AssertionError("cloudflare-only middleware without spec.ipAllowList.sourceRange: " + in);
                }
                List<String> out = new ArrayList<>();
                ranges.forEach(n -> out.add(n.asText()));
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }
}
