package com.honeydue.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneHostnamesTest {
    private static final String ZONE = "myhoneydue.com";

    @ParameterizedTest(name = "{0} in zone: {1}")
    @CsvSource({
            "myhoneydue.com, true",
            "api.myhoneydue.com, true",
            "a.b.myhoneydue.com, true",
            "notmyhoneydue.com, false",
            "myhoneydue.com.evil.net, false",
            "api.myhoneydue.org, false",
            "honeydue.com, false",
    })
    void inZoneMatchesWholeLabelsOnly(String host, boolean inside) {
        assertThat(ZoneHostnames.inZone(host, ZONE)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} is a hostname: {1}")
    @CsvSource({
            "api.myhoneydue.com, true",
            "myhoneydue.com, true",
            "x-1.myhoneydue.com, true",
            "API.myhoneydue.com, false",
            "api.myhoneydue.com., false",
            "localhost, false",
            "-api.myhoneydue.com, false",
            "api..myhoneydue.com, false",
            "api_1.myhoneydue.com, false",
    })
    void hostnameForm(String host, boolean valid) {
        assertThat(ZoneHostnames.isHostname(host)).isEqualTo(valid);
    }

    @Test
    void problemNamesTheZoneAndTheExpectedForm() {
        assertThat(ZoneHostnames.problem("api.example.org", ZONE)).hasValueSatisfying(m -> assertThat(m)
                .contains("'api.example.org'", "outside the zone myhoneydue.com", "cloudflareZoneName", "ending in .myhoneydue.com"));
        assertThat(ZoneHostnames.problem("Api.myhoneydue.com", ZONE)).hasValueSatisfying(m -> assertThat(m).contains("lower-case"));
        assertThat(ZoneHostnames.problem("api.myhoneydue.com", ZONE)).isEmpty();
        assertThat(ZoneHostnames.problem(ZONE, ZONE)).isEmpty();
    }

    @Test
    void originCertificateCoversTheApexAndOneWildcardLevel() {
        assertThat(ZoneHostnames.certificateHostnames(ZONE)).containsExactly("myhoneydue.com", "*.myhoneydue.com");
        assertThat(ZoneHostnames.coveredByZoneCertificate("myhoneydue.com", ZONE)).isTrue();
        assertThat(ZoneHostnames.coveredByZoneCertificate("admin.myhoneydue.com", ZONE)).isTrue();
        assertThat(ZoneHostnames.coveredByZoneCertificate("a.b.myhoneydue.com", ZONE)).isFalse();
        assertThat(ZoneHostnames.depthBelowZone("a.b.myhoneydue.com", ZONE)).isEqualTo(2);
    }
}
