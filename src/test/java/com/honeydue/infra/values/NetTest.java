package com.honeydue.infra.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Class 4: addresses and CIDRs through the ipaddress library, strictly, and compared by value. */
class NetTest {
    @Test
    void onlyPlainLiteralAddressesAreAddresses() {
        assertThat(Net.isIpv4("51.81.83.33")).isTrue();
        assertThat(Net.isIpv6("2604:2dc0:101:200::5a9a")).isTrue();
        assertThat(Net.isIpv6("::ffff:51.81.83.33")).isTrue();
        for (String bad : new String[] {"51.81.83", "51.81.22358", "0x33.81.83.33", "051.81.83.33", "51.81.83.33/32", "+51.81.83.33",
                "٥١.81.83.33", "51.81.83.256", " 51.81.83.33", "51.81.83.33\n", "", "localhost", "1"}) {
            assertThat(Net.isIpv4(bad)).as(bad).isFalse();
        }
        for (String bad : new String[] {"fe80::1%eth0", "[2604:2dc0::1]", "2604:2dc0::1/64", "2604:2dc0:::1", "2604:2dc0::g", "::1::"}) {
            assertThat(Net.isIpv6(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aPrefixLengthIsAsciiDigitsWithoutSignOrLeadingZero() {
        assertThat(Net.isCidr("10.0.0.0/8")).isTrue();
        assertThat(Net.isCidr("2400:cb00::/32")).isTrue();
        assertThat(Net.isCidr("0.0.0.0/0")).isTrue();
        for (String bad : new String[] {"10.0.0.0/+8", "10.0.0.0/٨", "10.0.0.0/08", "10.0.0.0/33", "2400:cb00::/129", "10.0.0.0/",
                "10.0.0.0/ 8", "10.0.0.0/8/8", "10.0.0.0/-1", "10.0.0.0/99999999999"}) {
            assertThat(Net.isCidr(bad)).as(bad).isFalse();
        }
    }

    @Test
    void addressesCompareByValueAndContainmentUsesTheNetwork() {
        assertThat(Net.canonical(Net.address("2604:2DC0:101:200:0:0:0:5A9A").orElseThrow()))
                .isEqualTo(Net.canonical(Net.address("2604:2dc0:101:200::5a9a").orElseThrow()));
        assertThat(Net.cidr("2400:CB00:0::/32").orElseThrow().canonical()).isEqualTo(Net.cidr("2400:cb00::/32").orElseThrow().canonical());
        assertThat(Net.contains("203.0.113.0/24", "203.0.113.7/32")).isTrue();
        assertThat(Net.contains("203.0.113.0/24", "203.0.113.7")).isTrue();
        assertThat(Net.contains("203.0.113.0/24", "203.0.114.7")).isFalse();
        assertThat(Net.contains("0.0.0.0/0", "2001:db8::1")).as("another family").isFalse();
        assertThat(Net.cidr("10.0.0.1/8").orElseThrow().isNetworkAddress()).isFalse();
    }

    @Test
    void unusableNodeAddressesAreNamed() {
        String[][] cases = {{"0.0.0.0", "unspecified"}, {"255.255.255.255", "broadcast"}, {"127.0.0.1", "loopback"},
                {"224.0.0.5", "multicast"}, {"169.254.1.1", "link-local"}, {"::", "unspecified"}, {"::1", "loopback"},
                {"ff02::1", "multicast"}, {"fe80::1", "link-local"}, {"::ffff:51.81.83.33", "IPv4-mapped"}};
        for (String[] c : cases) {
            assertThat(Net.unusableForNode(Net.address(c[0]).orElseThrow())).as(c[0]).hasValueSatisfying(v -> assertThat(v).contains(c[1]));
        }
        assertThat(Net.unusableForNode(Net.address("51.81.83.33").orElseThrow())).isEmpty();
        assertThat(Net.unusableForNode(Net.address("10.0.0.5").orElseThrow())).as("private ranges are fine for lab nodes").isEmpty();
    }
}
