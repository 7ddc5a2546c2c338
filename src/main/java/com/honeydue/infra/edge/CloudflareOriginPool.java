package com.honeydue.infra.edge;

import com.pulumi.cloudflare.DnsRecord;
import com.pulumi.cloudflare.DnsRecordArgs;
import com.pulumi.cloudflare.OriginCaCertificate;
import com.pulumi.cloudflare.OriginCaCertificateArgs;
import com.pulumi.cloudflare.Provider;
import com.pulumi.cloudflare.ProviderArgs;
import com.pulumi.cloudflare.ZoneSetting;
import com.pulumi.cloudflare.ZoneSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runbook §4 and §6.11 as one component: the proxied A (and optional AAAA) records of every public hostname over
 * the node IPs, the zone's SSL mode, and in strict mode the origin certificate as the {@code cloudflare-origin-cert}
 * TLS Secret. It also hands out the Cloudflare ranges that 80/443 admit (runbook §11 GAP-1).
 *
 * <p>Three roles: the owner registers the records and the zone's {@code ssl} setting; a stack that joins
 * ({@code dnsJoin}, a cutover's make-before-break) registers the same records and no zone setting; any other stack
 * registers neither. The records are identical resources (names, parent, provider, inputs) in both roles, so a
 * joined stack that takes over changes no record: no hostname is ever without one.
 */
public final class CloudflareOriginPool extends ComponentResource {
    public static final String TYPE = "honeydue:edge:CloudflareOriginPool";
    /** The component's name in every stack, and its Cloudflare provider's: part of every record's URN. */
    public static final String NAME = "edge";
    public static final String PROVIDER_NAME = "cloudflare";
    /** Days: the longest validity Cloudflare's Origin CA issues (15 years). */
    public static final double ORIGIN_CA_VALIDITY_DAYS = 5475.0;

    private final EdgeConfig config;
    private final Map<String, DnsRecord> dnsRecords = new LinkedHashMap<>();
    private final Optional<ZoneSetting> sslSetting;
    private final Optional<OriginCaCertificate> originCaCertificate;
    private final Optional<Secret> originTlsSecret;

    public CloudflareOriginPool(String name, CloudflareOriginPoolArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.config = args.config();
        EdgeConfig c = args.config();

        Optional<Provider> cloudflare = c.needsCloudflareApi()
                ? Optional.of(new Provider(PROVIDER_NAME, ProviderArgs.builder()
                        .apiToken(c.apiToken().orElseThrow(() -> new IllegalStateException(
                                "cloudflareApiToken is required here; the config loader should have said so")).output())
                        .build(), CustomResourceOptions.builder().parent(this).build()))
                : Optional.empty();

        Optional<Output<String>> certificatePem = Optional.empty();
        OriginCaCertificate requested = null;
        if (c.originCertificate().orElse(null) instanceof EdgeConfig.RequestedCertificate req) {
            requested = new OriginCaCertificate("origin-ca-certificate", OriginCaCertificateArgs.builder()
                    .csr(req.csrPem().output())
                    .hostnames(ZoneHostnames.certificateHostnames(c.zoneName()))
                    .requestType(req.requestType())
                    .requestedValidity(ORIGIN_CA_VALIDITY_DAYS)
                    .build(), cloudflareOptions(cloudflare.orElseThrow(), List.of())
                    .additionalSecretOutputs("certificate")
                    .build());
            certificatePem = Optional.of(requested.certificate());
        } else if (c.originCertificate().orElse(null) instanceof EdgeConfig.ExistingCertificate existing) {
            certificatePem = Optional.of(existing.certificatePem().output());
        }
        this.originCaCertificate = Optional.ofNullable(requested);

        this.originTlsSecret = certificatePem.map(cert -> new Secret(EdgeConfig.ORIGIN_CERT_SECRET_NAME, SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(EdgeConfig.ORIGIN_CERT_SECRET_NAME)
                        .namespace(args.namespace())
                        .labels(Map.of(
                                "app.kubernetes.io/name", EdgeConfig.ORIGIN_CERT_SECRET_NAME,
                                "app.kubernetes.io/part-of", "honeydue",
                                "app.kubernetes.io/component", "edge"))
                        .build())
                .type("kubernetes.io/tls")
                .data(com.honeydue.infra.k8s.SecretData.of(Output.tuple(cert, c.originCertificate().orElseThrow().privateKeyPem().output())
                        .applyValue(t -> Map.of("tls.crt", t.t1, "tls.key", t.t2))))
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .provider(args.k8sProvider().orElseThrow())
                // the namespace is the app's; its ready resources come after it
                .dependsOn(args.originReady())
                .build()));

        // The origin must serve (and in strict mode hold its certificate) before Cloudflare points at it or
        // expects TLS from it; destroy then removes DNS first.
        List<Resource> originServing = new ArrayList<>(args.originReady());
        originTlsSecret.ifPresent(originServing::add);

        if (c.publishesDnsRecords()) {
            Provider cf = cloudflare.orElseThrow();
            // The zone's settings belong to the owner alone; a joined stack's origins serve in the owner's mode.
            this.sslSetting = c.ownsPublicDns()
                    ? Optional.of(new ZoneSetting("ssl-mode", ZoneSettingArgs.builder()
                            .zoneId(c.zoneId())
                            .settingId("ssl")
                            .value(c.sslMode().cloudflareValue())
                            .build(), cloudflareOptions(cf, originServing).build()))
                    : Optional.empty();
            // A dead server (deadServers) serves nothing: Cloudflare must not send it requests.
            for (DnsRecordPlan.PlannedRecord record : DnsRecordPlan.plan(c.publicHostnames(), args.cluster().liveNodes(),
                    c.dnsIpv6Records(), args.stack())) {
                dnsRecords.put(record.resourceName(), new DnsRecord(record.resourceName(), DnsRecordArgs.builder()
                        .zoneId(c.zoneId())
                        .name(record.name())
                        .type(record.type())
                        .content(record.content())
                        .proxied(true)
                        .ttl(DnsRecordPlan.AUTOMATIC_TTL)
                        .comment(record.comment())
                        .build(), cloudflareOptions(cf, originServing).build()));
            }
        } else {
            this.sslSetting = Optional.empty();
        }

        registerOutputs(Map.of(
                "ownsPublicDns", Output.of(c.ownsPublicDns()),
                "dnsJoin", Output.of(c.dnsJoin()),
                "publicUrls", Output.of(c.publicUrls()),
                "allowListCidrs", Output.of(c.allowListCidrs()),
                "originTls", Output.of(c.originTls())));
    }

    private CustomResourceOptions.Builder cloudflareOptions(Provider cloudflare, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(cloudflare).dependsOn(dependsOn);
    }

    /** Sources allowed on 80/443 (UFW and the Traefik cloudflare-only middleware); empty = the world. */
    public List<String> allowListCidrs() {
        return config.allowListCidrs();
    }

    /** True in strict mode: the app's Ingress gets the tls: block for {@link #originTlsSecretName()} and websecure. */
    public boolean originTls() {
        return config.originTls();
    }

    public String originTlsSecretName() {
        return EdgeConfig.ORIGIN_CERT_SECRET_NAME;
    }

    /** The cloudflare-origin-cert Secret (strict mode only). */
    public Optional<Secret> originTlsSecret() {
        return originTlsSecret;
    }

    public Optional<OriginCaCertificate> originCaCertificate() {
        return originCaCertificate;
    }

    /** The zone's {@code ssl} setting; present only when this stack owns the public DNS. */
    public Optional<ZoneSetting> sslSetting() {
        return sslSetting;
    }

    /** Records by resource name (hostname-alias-type); empty when this stack neither owns nor joins the public DNS. */
    public Map<String, DnsRecord> dnsRecords() {
        return Map.copyOf(dnsRecords);
    }

    public boolean ownsPublicDns() {
        return config.ownsPublicDns();
    }

    /** True while this stack's records join those of the stack that owns the public DNS (a cutover). */
    public boolean dnsJoin() {
        return config.dnsJoin();
    }

    /** https://&lt;hostname&gt; for every public hostname this stack serves (a stack output). */
    public Output<List<String>> publicUrls() {
        return Output.of(config.publicUrls());
    }
}
