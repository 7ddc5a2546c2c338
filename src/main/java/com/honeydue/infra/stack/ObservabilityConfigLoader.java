package com.honeydue.infra.stack;

import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.observability.ObservabilityConfig;
import com.honeydue.infra.values.Net;
import com.honeydue.infra.values.Shown;
import com.honeydue.infra.app.ImageReference;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and validates the observability keys; every problem names its key and the expected form. */
public final class ObservabilityConfigLoader {
    private static final Pattern HTTPS_URL = Pattern.compile("^https://[A-Za-z0-9.-]+(:\\d{1,5})?(/\\S*)?$");
    /** A Prometheus label value we also want usable unquoted in dashboards: lower-case DNS-label style. */
    private static final Pattern LABEL_VALUE = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final String IMAGE_FORM = "<name>:<tag>@sha256:<64 hex digest>, e.g. victoriametrics/vmagent:v1.135.0@sha256:…";

    private ObservabilityConfigLoader() {}

    public static ObservabilityConfig load(ConfigReader r) {
        boolean ksm = r.bool("kubeStateMetricsEnabled");
        boolean vmagent = r.bool("vmagentEnabled");
        boolean alloy = r.bool("alloyLogsEnabled");
        boolean nodeExporter = r.bool("nodeExporterEnabled");
        boolean workerMetrics = r.bool("workerMetricsEnabled");
        boolean traefikMetrics = r.bool("traefikMetricsEnabled");

        String remoteWrite = r.string("obsRemoteWriteUrl", HTTPS_URL,
                "an https:// remote-write URL such as https://obs.88oakapps.com/api/v1/write");
        String lokiPush = r.string("obsLokiPushUrl", HTTPS_URL,
                "an https:// Loki push URL such as https://obs.88oakapps.com/loki/api/v1/push");
        // Only the shipping agents need the token; with both off the key may stay unset.
        var token = r.secret("obsIngestToken", vmagent || alloy);

        List<String> cidrs = new java.util.ArrayList<>();
        for (ConfigReader.Item item : r.items("obsEndpointCidrs")) {
            if (Net.cidr(item.value()).filter(Net.Cidr::ipv4).isEmpty()) {
                r.problem(item.key("obsEndpointCidrs"), Shown.value(item.value())
                        + " is not an IPv4 CIDR; expected the observability endpoint's address, e.g. 203.0.113.10/32");
            } else {
                cidrs.add(item.value());
            }
        }

        String cluster = r.string("clusterLabel");
        if (cluster.isEmpty()) {
            cluster = "honeydue-" + r.stack();
        }
        if (!LABEL_VALUE.matcher(cluster).matches()) {
            r.problem("clusterLabel", Shown.value(cluster) + " is not valid; expected lower-case letters, digits and '-', "
                    + "at most 63 characters, unique per cluster (e.g. honeydue-ovh); empty means honeydue-<stack>");
        }
        String environment = r.string("environmentLabel", LABEL_VALUE,
                "lower-case letters, digits and '-', e.g. prod or staging");

        String ksmImage = image(r, "kubeStateMetricsImage");
        String vmagentImage = image(r, "vmagentImage");
        String alloyImage = image(r, "alloyImage");
        String nodeExporterImage = image(r, "nodeExporterImage");

        if (workerMetrics && !vmagent) {
            r.problem("workerMetricsEnabled", "is true but vmagentEnabled is false; nothing would scrape the worker. "
                    + "Expected vmagentEnabled: true or workerMetricsEnabled: false");
        }
        if (traefikMetrics && !vmagent) {
            r.problem("traefikMetricsEnabled", "is true but vmagentEnabled is false; nothing would scrape Traefik. "
                    + "Expected vmagentEnabled: true or traefikMetricsEnabled: false");
        }

        return new ObservabilityConfig(ksm, vmagent, alloy, nodeExporter, workerMetrics, traefikMetrics, remoteWrite,
                lokiPush, token, List.copyOf(cidrs), cluster,
                environment, ksmImage, vmagentImage, alloyImage, nodeExporterImage);
    }

    /**
     * {@code <registry/name>:<tag>@sha256:<64 hex>}, lower-case: a tag for people, a digest for the kubelet. Parsed by
     * {@link ImageReference} (bounded patterns: a long value cannot make it recurse) instead of one regex.
     */
    private static String image(ConfigReader r, String key) {
        String s = r.string(key);
        if (!r.hasProblemFor(key) && !pinnedWithTag(s)) {
            r.problem(key, Shown.value(s) + " is not valid; expected " + IMAGE_FORM);
        }
        return s;
    }

    static boolean pinnedWithTag(String s) {
        try {
            ImageReference ref = ImageReference.parse(s);
            return ref.tag().isPresent() && ref.pinned() && ref.toString().equals(s)
                    && ref.repository().equals(ref.repository().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
