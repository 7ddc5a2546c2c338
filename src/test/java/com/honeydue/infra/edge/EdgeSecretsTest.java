package com.honeydue.infra.edge;

import static com.honeydue.infra.edge.EdgeStacks.CLOUDFLARE_PROVIDER;
import static com.honeydue.infra.edge.EdgeStacks.K8S_SECRET;
import static com.honeydue.infra.edge.EdgeStacks.ORIGIN_CA;
import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marker values set as the secrets must never reach a non-secret input or output; the engine sees them only as secrets. */
class EdgeSecretsTest {
    static final String TOKEN = "MARKER-cf-token-5b1e";
    static final String KEY = "-----BEGIN PRIVATE KEY-----\nMARKER-key-93ac\n-----END PRIVATE KEY-----\n";
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMARKER-cert-71d0\n-----END CERTIFICATE-----\n";
    static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMARKER-csr-0c2f\n-----END CERTIFICATE REQUEST-----\n";

    private static void assertNoMarkerInTheClear(StackRun run) {
        for (RecordedResource r : run.resources()) {
            assertThat(r.inputs().toString()).as("inputs of %s %s", r.type(), r.name()).doesNotContain("MARKER");
        }
        assertThat(run.outputs().toString()).doesNotContain("MARKER");
    }

    @Test
    void theApiTokenIsASecretProviderInput() {
        StackRun run = EdgeStacks.run("ovh", Map.of("cloudflareApiToken", TOKEN));
        RecordedResource provider = run.named(CLOUDFLARE_PROVIDER, "cloudflare");
        assertThat(provider.secretPaths()).containsExactly("/apiToken");
        assertNoMarkerInTheClear(run);
    }

    @Test
    void anExistingCertificateAndItsKeyStaySecretInTheTlsSecret() {
        StackRun run = EdgeStacks.run("ovh", Map.of("cloudflareApiToken", TOKEN, "sslMode", "strict",
                "originCertificateSource", "existing", "originCertificatePem", CERT, "originPrivateKeyPem", KEY));
        RecordedResource secret = run.named(K8S_SECRET, "cloudflare-origin-cert");
        assertThat(secret.secretPaths()).containsExactly("/data");
        assertNoMarkerInTheClear(run);
    }

    @Test
    void theCsrIsASecretInputAndTheIssuedCertificateStaysSecret() {
        StackRun run = EdgeStacks.run("ovh", Map.of("cloudflareApiToken", TOKEN, "sslMode", "strict",
                "originCsrPem", CSR, "originPrivateKeyPem", KEY));
        assertThat(run.named(ORIGIN_CA, "origin-ca-certificate").secretPaths()).containsExactly("/csr");
        assertThat(run.named(K8S_SECRET, "cloudflare-origin-cert").secretPaths()).containsExactly("/data");
        assertNoMarkerInTheClear(run);
    }
}
