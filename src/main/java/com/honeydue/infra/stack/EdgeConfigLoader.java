package com.honeydue.infra.stack;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.config.ConfigKeys;
import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.edge.EdgeConfig;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.values.Secret;
import com.honeydue.infra.values.Shown;
import com.honeydue.infra.edge.CidrRanges;
import com.honeydue.infra.edge.DnsAdoption;
import com.honeydue.infra.edge.DnsRecordPlan;
import com.honeydue.infra.edge.ZoneHostnames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates the edge keys (Cloudflare DNS, SSL mode, origin certificate, allow-list); all problems at once. */
public final class EdgeConfigLoader {
    private static final Pattern ZONE_ID = Pattern.compile("^[0-9a-f]{32}$");
    static final List<String> SSL_MODES = List.of("flexible", "strict");
    static final List<String> CERTIFICATE_SOURCES = List.of("csr", "existing");
    static final List<String> REQUEST_TYPES = List.of("origin-rsa", "origin-ecc");

    private EdgeConfigLoader() {}

    /**
     * @param offline true when rendering without the stack's secrets and settings (a missing zone id then becomes a
     *                recognisable placeholder, as missing secrets do)
     */
    public static EdgeConfig load(ConfigReader r, ClusterConfig cluster, boolean offline) {
        boolean owns = r.bool("ownsPublicDns");
        boolean join = r.bool("dnsJoin");
        if (owns && join) {
            r.problem("dnsJoin", "is true while ownsPublicDns is true; a stack either owns the public DNS or joins the records of "
                    + "the stack that owns it (a cutover's first step). Expected dnsJoin: false once this stack owns the DNS "
                    + "(taking over keeps the same records), or ownsPublicDns: false while it joins (docs/edge.md, Cutover)");
            join = false; // one role, so the rest of the edge config is checked as the owner's
        }
        boolean publishes = owns || join;
        String role = role(owns);
        Optional<EdgeConfig.ExistingDnsRecords> existing = existingDnsRecords(r);
        String zoneName = r.string("cloudflareZoneName");
        if (!r.hasProblemFor("cloudflareZoneName") && !ZoneHostnames.isHostname(zoneName)) {
            r.problem("cloudflareZoneName", Shown.value(zoneName) + " is not a zone name; expected a lower-case domain like myhoneydue.com");
        }
        boolean zoneOk = !r.hasProblemFor("cloudflareZoneName");
        List<ConfigReader.Item> hostnameItems = r.items("publicHostnames");
        List<String> hostnames = hostnames(r, hostnameItems, zoneName, zoneOk);

        String zoneId = r.string("cloudflareZoneId").strip();
        if (zoneId.isEmpty() && publishes) {
            if (offline) {
                zoneId = RawConfig.placeholderFor("cloudflareZoneId");
            } else {
                r.problem("cloudflareZoneId", "is required because " + role + "; expected the 32-hex zone id of "
                        + Shown.text(zoneName) + " (pulumi config set cloudflareZoneId <id>)");
            }
        } else if (!zoneId.isEmpty() && !ZONE_ID.matcher(zoneId).matches()) {
            r.problem("cloudflareZoneId", Shown.value(zoneId) + " is not a zone id; expected 32 lower-case hex characters "
                    + "(Cloudflare dashboard, zone Overview, API section)");
        }

        boolean ipv6Records = r.bool("dnsIpv6Records");
        if (ipv6Records) {
            for (NodeSpec node : cluster.nodes()) {
                if (node.ipv6().isEmpty()) {
                    r.problem("dnsIpv6Records", "is true but node " + node.alias() + " has no ipv6; expected ipv6=<address> "
                            + "on every entry of nodes, or dnsIpv6Records: false");
                }
            }
        }

        EdgeConfig.SslMode sslMode = EdgeConfig.SslMode.FLEXIBLE;
        String ssl = r.oneOf("sslMode", SSL_MODES);
        if (!r.hasProblemFor("sslMode")) {
            sslMode = EdgeConfig.SslMode.of(ssl);
        }
        String source = r.oneOf("originCertificateSource", CERTIFICATE_SOURCES);
        String requestType = r.oneOf("originCaRequestType", REQUEST_TYPES);
        Optional<EdgeConfig.OriginCertificate> certificate = Optional.empty();
        if (sslMode == EdgeConfig.SslMode.STRICT) {
            certificate = originCertificate(r, source, requestType, zoneName, hostnameItems);
            if (certificate.isEmpty()) {
                sslMode = EdgeConfig.SslMode.FLEXIBLE; // only reached with problems recorded; keeps the record consistent
            }
        }

        // From what was asked for, not what loaded: a missing CSR must not also hide the missing token.
        boolean requestsCertificate = ssl.equals("strict") && source.equals("csr");
        boolean needsApi = publishes || requestsCertificate;
        Optional<Secret> token = r.secret("cloudflareApiToken", needsApi);

        boolean allowList = r.bool("cloudflareAllowList");
        List<String> v4 = ranges(r, "cloudflareIpv4Ranges", CidrRanges.Family.IPV4);
        List<String> v6 = ranges(r, "cloudflareIpv6Ranges", CidrRanges.Family.IPV6);
        if (allowList && v4.isEmpty() && v6.isEmpty()
                && !r.hasProblemFor("cloudflareIpv4Ranges") && !r.hasProblemFor("cloudflareIpv6Ranges")) {
            // An empty list means "the world" to the firewall: never let "allow-list on" silently become that.
            r.problem("cloudflareIpv4Ranges", "and cloudflareIpv6Ranges are both empty while cloudflareAllowList is true; "
                    + "expected Cloudflare's ranges (https://www.cloudflare.com/ips-v4) or cloudflareAllowList: false");
        }

        EdgeConfig edge = new EdgeConfig(owns, join, existing, zoneName, zoneId, hostnames, ipv6Records, token, sslMode, certificate,
                allowList, v4, v6);
        requireRecordAdoption(r, edge, cluster, offline);
        return edge;
    }

    private static String role(boolean owns) {
        return owns ? "ownsPublicDns is true" : "dnsJoin is true";
    }

    private static Optional<EdgeConfig.ExistingDnsRecords> existingDnsRecords(ConfigReader r) {
        String text = r.string("existingDnsRecords");
        if (text.isEmpty() || r.hasProblemFor("existingDnsRecords")) {
            return Optional.empty();
        }
        Optional<EdgeConfig.ExistingDnsRecords> value = EdgeConfig.ExistingDnsRecords.of(text);
        if (value.isEmpty()) {
            List<String> allowed = EdgeConfig.ExistingDnsRecords.configValues();
            r.problem("existingDnsRecords", Shown.value(text) + " is not one of " + String.join(", ", allowed)
                    + ConfigReader.suggestion(text, allowed));
        }
        return value;
    }

    /**
     * The DNS adoption preflight (issue 13): under the real engine, a stack that publishes records must say how they
     * relate to the zone before anything is registered. Unset, the problem names the key and prints every command of
     * the import; offline (render, tests) it is not required, as the zone id is not.
     */
    private static void requireRecordAdoption(ConfigReader r, EdgeConfig edge, ClusterConfig cluster, boolean offline) {
        if (offline || !edge.publishesDnsRecords() || edge.existingDnsRecords().isPresent()
                || r.hasProblemFor("existingDnsRecords")) {
            return;
        }
        List<DnsRecordPlan.PlannedRecord> records = DnsRecordPlan.plan(edge.publicHostnames(), cluster.liveNodes(),
                edge.dnsIpv6Records(), r.stack());
        String message = DnsAdoption.unsetMessage(r.stack(), role(edge.ownsPublicDns()), records.size());
        // The commands are built from validated values only: with a problem in one of them, they would be wrong.
        // A missing zone id is fine: the commands leave <zoneId> for the operator.
        List<String> inputs = List.of("nodes", "publicHostnames", "cloudflareZoneName", "dnsIpv6Records");
        if (inputs.stream().anyMatch(r::hasProblemFor) || (!edge.zoneId().isEmpty() && r.hasProblemFor("cloudflareZoneId"))) {
            r.problem("existingDnsRecords", message + "; the import commands follow once the other problems are fixed");
            return;
        }
        r.problem("existingDnsRecords", message + ":", DnsAdoption.unsetDetail(ConfigKeys.PROJECT, r.stack(), edge.zoneId(), records));
    }

    private static List<String> hostnames(ConfigReader r, List<ConfigReader.Item> items, String zoneName, boolean zoneOk) {
        List<String> raw = items.stream().map(ConfigReader.Item::value).toList();
        if (raw.isEmpty() && !r.hasProblemFor("publicHostnames")) {
            r.problem("publicHostnames", "is empty; expected the hostnames this cluster serves, e.g. [api." + Shown.text(zoneName) + ", "
                    + Shown.text(zoneName) + "]");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigReader.Item item : items) {
            String host = item.value();
            String key = item.key("publicHostnames");
            // With a broken zone name only the hostname's own form can be checked; the zone problem is already reported.
            Optional<String> problem = zoneOk ? ZoneHostnames.problem(host, zoneName)
                    : ZoneHostnames.problem(host, host);
            if (problem.isPresent()) {
                r.problem(key, problem.get());
                continue;
            }
            Integer first = seen.putIfAbsent(host, item.index());
            if (first != null) {
                r.problem(key, Shown.value(host) + " duplicates publicHostnames[" + first + "]; list every hostname once");
            }
        }
        return raw.stream().distinct().toList();
    }

    private static Optional<EdgeConfig.OriginCertificate> originCertificate(ConfigReader r, String source, String requestType,
                                                                           String zoneName, List<ConfigReader.Item> hostnames) {
        if (r.hasProblemFor("originCertificateSource")) {
            return Optional.empty();
        }
        Optional<Secret> key = pem(r, "originPrivateKeyPem", "PRIVATE KEY",
                "a PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)");
        if (source.equals("existing")) {
            Optional<Secret> cert = pem(r, "originCertificatePem", "CERTIFICATE",
                    "a PEM certificate (-----BEGIN CERTIFICATE-----), e.g. deploy-k3s/secrets/cloudflare-origin.crt");
            if (r.secret("originCsrPem", false).isPresent()) {
                r.problem("originCsrPem", "is set but originCertificateSource is existing; unset it or use originCertificateSource: csr");
            }
            return key.isPresent() && cert.isPresent()
                    ? Optional.of(new EdgeConfig.ExistingCertificate(cert.get(), key.get())) : Optional.empty();
        }
        Optional<Secret> csr = pem(r, "originCsrPem", "CERTIFICATE REQUEST",
                "a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)");
        if (r.secret("originCertificatePem", false).isPresent()) {
            r.problem("originCertificatePem", "is set but originCertificateSource is csr (a certificate is requested from "
                    + "originCsrPem); use originCertificateSource: existing to keep this certificate");
        }
        for (ConfigReader.Item item : hostnames) {
            String host = item.value();
            if (ZoneHostnames.inZone(host, zoneName) && !ZoneHostnames.coveredByZoneCertificate(host, zoneName)) {
                r.problem(item.key("publicHostnames"), Shown.value(host) + " is more than one label below " + Shown.text(zoneName)
                        + ", so the requested certificate (" + String.join(", ", ZoneHostnames.certificateHostnames(zoneName))
                        + ") would not cover it; expected <name>." + Shown.text(zoneName) + " or the apex");
            }
        }
        return key.isPresent() && csr.isPresent() && !r.hasProblemFor("originCaRequestType")
                ? Optional.of(new EdgeConfig.RequestedCertificate(csr.get(), key.get(), requestType)) : Optional.empty();
    }

    /** A required PEM secret whose armor must name {@code label}; offline placeholders pass unchecked. Never echoes the value. */
    private static Optional<Secret> pem(ConfigReader r, String key, String label, String expected) {
        Optional<Secret> s = r.secret(key, true);
        s.ifPresent(secret -> {
            boolean placeholder = secret.matches(v -> v.equals(RawConfig.placeholderFor(key)));
            boolean armored = secret.matches(v -> Pattern.compile("-----BEGIN ([A-Z]+ )?" + label + "-----").matcher(v).find()
                    && v.contains("-----END "));
            if (!placeholder && !armored) {
                r.problem(key, "is not " + expected + "; set it from the file: pulumi config set --secret " + key + " < <file>");
            } else if (secret.matches(v -> v.contains("ENCRYPTED PRIVATE KEY") || v.contains("Proc-Type: 4,ENCRYPTED"))) {
                r.problem(key, "is passphrase-protected; Traefik needs the unencrypted key (openssl pkey -in <file>)");
            }
        });
        return s;
    }

    private static List<String> ranges(ConfigReader r, String key, CidrRanges.Family family) {
        List<ConfigReader.Item> items = r.items(key);
        CidrRanges.Parsed parsed = CidrRanges.parse(items.stream().map(ConfigReader.Item::value).toList(), family);
        parsed.invalid().forEach(bad -> r.problem(items.get(bad.index()).key(key), Shown.value(bad.value()) + " " + bad.reason()));
        return parsed.ranges();
    }
}
