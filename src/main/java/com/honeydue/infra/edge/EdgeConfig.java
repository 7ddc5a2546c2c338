package com.honeydue.infra.edge;

import com.honeydue.infra.values.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edge layer's typed config: which hostnames Cloudflare proxies to the nodes, whether this stack owns them,
 * the zone's SSL mode and origin certificate, and the Cloudflare ranges that 80/443 admit.
 *
 * @param ownsPublicDns     this stack publishes the records and holds the zone's SSL setting
 * @param dnsJoin           cutover: this stack publishes its records next to the owner's, without the zone setting;
 *                          never together with {@code ownsPublicDns}
 * @param existingDnsRecords how this stack's records relate to the zone (required, online, when it publishes records):
 *                          none exist yet, or they existed and were imported into the stack
 * @param apiToken          present whenever a Cloudflare resource will be registered (records or a CSR request)
 * @param originCertificate present exactly when {@code sslMode} is strict
 */
public record EdgeConfig(
        boolean ownsPublicDns,
        boolean dnsJoin,
        Optional<ExistingDnsRecords> existingDnsRecords,
        String zoneName,
        String zoneId,
        List<String> publicHostnames,
        boolean dnsIpv6Records,
        Optional<Secret> apiToken,
        SslMode sslMode,
        Optional<OriginCertificate> originCertificate,
        boolean cloudflareAllowList,
        List<String> cloudflareIpv4Ranges,
        List<String> cloudflareIpv6Ranges) {

    /** The TLS Secret (namespace honeydue) the edge creates in strict mode and the app's Ingress tls: block names. */
    public static final String ORIGIN_CERT_SECRET_NAME = "cloudflare-origin-cert";

    public EdgeConfig {
        publicHostnames = List.copyOf(publicHostnames);
        cloudflareIpv4Ranges = List.copyOf(cloudflareIpv4Ranges);
        cloudflareIpv6Ranges = List.copyOf(cloudflareIpv6Ranges);
        if ((sslMode == SslMode.STRICT) != originCertificate.isPresent()) {
            throw new IllegalArgumentException("an origin certificate belongs to strict mode only");
        }
        if (ownsPublicDns && dnsJoin) {
            throw new IllegalArgumentException("a stack either owns the public DNS or joins it, never both");
        }
    }

    /**
     * True when this stack registers proxied records for its hostnames: as the owner, or joined to the owner's records
     * during a cutover. The records are the same resources in both roles, so taking over changes none of them.
     */
    public boolean publishesDnsRecords() {
        return ownsPublicDns || dnsJoin;
    }

    /**
     * What the zone held of this stack's records before the stack managed them: {@code none} (pulumi up creates them)
     * or {@code imported} (they existed, e.g. runbook §4's hand-made records, and were adopted with pulumi import).
     */
    public enum ExistingDnsRecords {
        NONE("none"),
        IMPORTED("imported");

        private final String configValue;

        ExistingDnsRecords(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        public static List<String> configValues() {
            return java.util.Arrays.stream(values()).map(ExistingDnsRecords::configValue).toList();
        }

        public static Optional<ExistingDnsRecords> of(String configValue) {
            return java.util.Arrays.stream(values()).filter(v -> v.configValue.equals(configValue)).findFirst();
        }
    }

    /** Cloudflare's SSL/TLS encryption mode, as the zone setting {@code ssl} spells it. */
    public enum SslMode {
        FLEXIBLE("flexible"),
        STRICT("strict");

        private final String cloudflareValue;

        SslMode(String cloudflareValue) {
            this.cloudflareValue = cloudflareValue;
        }

        public String cloudflareValue() {
            return cloudflareValue;
        }

        public static SslMode of(String cloudflareValue) {
            for (SslMode m : values()) {
                if (m.cloudflareValue.equals(cloudflareValue)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(cloudflareValue);
        }
    }

    /** Where the strict-mode origin certificate comes from; the private key is always the operator's. */
    public sealed interface OriginCertificate permits ExistingCertificate, RequestedCertificate {
        Secret privateKeyPem();
    }

    /** A certificate already issued (e.g. the runbook's deploy-k3s/secrets/cloudflare-origin.crt). */
    public record ExistingCertificate(Secret certificatePem, Secret privateKeyPem) implements OriginCertificate {}

    /** A Cloudflare Origin CA certificate requested from the operator's CSR. */
    public record RequestedCertificate(Secret csrPem, Secret privateKeyPem, String requestType) implements OriginCertificate {}

    /** True in strict mode: Traefik terminates TLS at the origin (Ingress tls: block, websecure entrypoint). */
    public boolean originTls() {
        return sslMode == SslMode.STRICT;
    }

    /**
     * The one list both the UFW rules for 80/443 and the Traefik cloudflare-only middleware use: IPv4 then IPv6
     * ranges when the allow-list is on, empty (= the world) when it is off.
     */
    public List<String> allowListCidrs() {
        if (!cloudflareAllowList) {
            return List.of();
        }
        List<String> all = new ArrayList<>(cloudflareIpv4Ranges);
        all.addAll(cloudflareIpv6Ranges);
        return List.copyOf(all);
    }

    public List<String> publicUrls() {
        return publicHostnames.stream().map(h -> "https://" + h).toList();
    }

    /** Whether a Cloudflare API call happens at all, i.e. whether the provider (and its token) is needed. */
    public boolean needsCloudflareApi() {
        return publishesDnsRecords() || originCertificate.filter(c -> c instanceof RequestedCertificate).isPresent();
    }
}
