package com.honeydue.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.edge.CidrRanges.Family;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrRangesTest {
    @Test
    void theCommittedDefaultsAreFifteenIpv4AndSevenIpv6CloudflareRanges() {
        var edge = StackFixtures.config("ovh").edge();
        assertThat(edge.cloudflareIpv4Ranges()).hasSize(15).contains("173.245.48.0/20", "104.16.0.0/13", "131.0.72.0/22");
        assertThat(edge.cloudflareIpv6Ranges()).hasSize(7).contains("2400:cb00::/32", "2a06:98c0::/29", "2c0f:f248::/32");
        assertThat(CidrRanges.parse(edge.cloudflareIpv4Ranges(), Family.IPV4).invalid()).isEmpty();
        assertThat(CidrRanges.parse(edge.cloudflareIpv6Ranges(), Family.IPV6).invalid()).isEmpty();
    }

    @Test
    void acceptsRangesInOrderTrimmedAndLowerCased() {
        var parsed = CidrRanges.parse(List.of(" 173.245.48.0/20", "2400:CB00::/32 "), Family.IPV4);
        assertThat(parsed.ranges()).containsExactly("173.245.48.0/20");
        assertThat(parsed.invalid()).singleElement().satisfies(bad -> {
            assertThat(bad.index()).isEqualTo(1);
            assertThat(bad.reason()).contains("IPv6 range in the IPv4 list");
        });
        assertThat(CidrRanges.parse(List.of("2400:CB00::/32"), Family.IPV6).ranges()).containsExactly("2400:cb00::/32");
    }

    @Test
    void refusesWhatIsNotAPublishedRange() {
        var parsed = CidrRanges.parse(List.of(
                "173.245.48.0",        // no prefix
                "173.245.48.0/33",     // prefix out of range
                "173.245.48.1/20",     // host bits set
                "0.0.0.0/0",           // the world
                "cloudflare",          // not an address
                "104.16.0.0/13",
                "104.16.0.0/13"),      // duplicate
                Family.IPV4);
        assertThat(parsed.ranges()).containsExactly("104.16.0.0/13");
        assertThat(parsed.invalid()).extracting(CidrRanges.Invalid::index).containsExactly(0, 1, 2, 3, 4, 6);
        assertThat(parsed.invalid().get(2).reason()).contains("host bits");
        assertThat(parsed.invalid().get(3).reason()).contains("/0", "wider");
        assertThat(parsed.invalid().get(5).reason()).contains("duplicates entry 5");
    }

    @Test
    void ipv6DuplicatesAreFoundWhateverTheSpelling() {
        var parsed = CidrRanges.parse(List.of("2400:cb00::/32", "2400:cb00:0:0::/32", "::/0", "2606:4700::1/32"), Family.IPV6);
        assertThat(parsed.ranges()).containsExactly("2400:cb00::/32");
        assertThat(parsed.invalid()).extracting(CidrRanges.Invalid::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("duplicates entry 0"),
                        r -> assertThat(r).contains("wider"),
                        r -> assertThat(r).contains("host bits"));
    }
}
