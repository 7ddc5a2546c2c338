package com.honeydue.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.StackRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One list, one source: EdgeConfig.allowListCidrs() is exactly what 80/443 admit on every node. */
class HttpAllowListWiringTest {

    private static void assertEveryNodeAdmitsExactly(StackRun run, List<String> expected) {
        HttpAllowLists lists = HttpAllowLists.of(run);
        assertThat(lists.ufwSources()).hasSize(3);
        lists.ufwSources().forEach((node, byPort) -> byPort.forEach((port, sources) ->
                assertThat(sources).as("UFW %s/tcp on %s", port, node).containsExactlyElementsOf(expected)));
        // When HoneyDueApp attaches its Traefik cloudflare-only middleware (hostNetwork Traefik only), it carries the
        // same list, plus each node's /32 for the on-node smoke check.
        lists.middlewareSources().ifPresent(sources -> assertThat(sources.stream().filter(s -> !nodeAddresses(run).contains(s)))
                .as("cloudflare-only middleware").containsExactlyInAnyOrderElementsOf(expected));
    }

    private static List<String> nodeAddresses(StackRun run) {
        List<String> out = new java.util.ArrayList<>();
        run.outputs().get("nodes").forEach(n -> out.add(n.path("ipv4").asText() + "/32"));
        return out;
    }

    @Test
    void onByDefaultEveryNodeAdmitsOnlyCloudflareOn80And443() {
        for (String stack : List.of("ovh", "prod")) {
            List<String> cloudflare = StackFixtures.config(stack).edge().allowListCidrs();
            assertThat(cloudflare).hasSize(22).contains("173.245.48.0/20", "2400:cb00::/32");
            assertEveryNodeAdmitsExactly(StackFixtures.run(stack), cloudflare);
        }
    }

    @Test
    void offTheWorldIsAdmitted() {
        StackRun run = EdgeStacks.run("ovh", Map.of("cloudflareAllowList", false));
        assertEveryNodeAdmitsExactly(run, List.of(HttpAllowLists.WORLD));
    }

    @Test
    void anOverriddenListIsWhatUfwGets() {
        StackRun run = EdgeStacks.run("ovh", Map.of("cloudflareIpv4Ranges", List.of("198.41.128.0/17", "104.16.0.0/13"),
                "cloudflareIpv6Ranges", List.of("2606:4700::/32")));
        assertEveryNodeAdmitsExactly(run, List.of("198.41.128.0/17", "104.16.0.0/13", "2606:4700::/32"));
    }
}
