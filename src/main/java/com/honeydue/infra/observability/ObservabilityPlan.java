package com.honeydue.infra.observability;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.values.FirewallRuleSpec;
import com.honeydue.infra.values.NodeSpec;
import com.honeydue.infra.workload.NetworkPeer;
import com.honeydue.infra.workload.NetworkPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every decision of the observability layer, as plain data and with no Pulumi types: which agents run, the
 * vmagent scrape config, the Alloy pipeline, the agents' egress, the namespace's Pod Security level, Traefik's
 * metrics values and the node firewall openings scraping needs. {@link ObservabilityAgents} only wires this.
 */
public final class ObservabilityPlan {
    public static final String KUBE_SYSTEM = "kube-system";
    public static final String POD_CIDR = com.honeydue.infra.values.ClusterNetwork.POD_CIDR;
    public static final String SERVICE_CIDR = com.honeydue.infra.values.ClusterNetwork.SERVICE_CIDR;

    public static final String VMAGENT = "vmagent";
    public static final String ALLOY_LOGS = "alloy-logs";
    public static final String KUBE_STATE_METRICS = "kube-state-metrics";
    public static final String NODE_EXPORTER = "node-exporter";
    public static final String VMAGENT_POLICY = "allow-egress-from-vmagent";
    public static final String ALLOY_POLICY = "alloy-logs";

    public static final int API_METRICS_PORT = 8000;
    public static final int WORKER_METRICS_PORT = 6060;
    public static final int KSM_METRICS_PORT = 8080;
    public static final int KSM_TELEMETRY_PORT = 8081;
    public static final int NODE_EXPORTER_PORT = 9100;
    /**
     * Not Traefik's chart default 9100: with Traefik as a hostNetwork DaemonSet (Hetzner) both it and
     * node-exporter would bind 9100 on the node. 9101 on every provider keeps one scrape job and one firewall rule.
     */
    public static final int TRAEFIK_METRICS_PORT = 9101;
    public static final int VMAGENT_HTTP_PORT = 8429;
    public static final int ALLOY_HTTP_PORT = 12345;

    /** Mounted token files; the Secrets hold the token under this key, never a placeholder (runbook §9.4). */
    public static final String TOKEN_KEY = "bearer_token";
    public static final String VMAGENT_TOKEN_DIR = "/etc/vmagent-remote-write";
    public static final String ALLOY_TOKEN_DIR = "/etc/alloy-logs-loki";

    /**
     * What kube-state-metrics exports ({@code --resources}) and therefore exactly what its ClusterRole may list and
     * watch: workload and capacity state for the dashboards, no Secrets or ConfigMaps (their metrics leak names
     * and need read access to every secret in the cluster).
     */
    public static final Map<String, String> KSM_RESOURCES = orderedMap(
            "cronjobs", "batch",
            "daemonsets", "apps",
            "deployments", "apps",
            "horizontalpodautoscalers", "autoscaling",
            "jobs", "batch",
            "namespaces", "",
            "nodes", "",
            "persistentvolumeclaims", "",
            "persistentvolumes", "",
            "poddisruptionbudgets", "policy",
            "pods", "",
            "replicasets", "apps",
            "services", "",
            "statefulsets", "apps");

    private final ObservabilityConfig config;
    private final ClusterConfig cluster;
    private final String namespace;

    public ObservabilityPlan(ObservabilityConfig config, ClusterConfig cluster, String namespace) {
        this.config = config;
        this.cluster = cluster;
        this.namespace = namespace;
    }

    public ObservabilityConfig config() {
        return config;
    }

    public String namespace() {
        return namespace;
    }

    public boolean kubeStateMetrics() {
        return config.kubeStateMetricsEnabled();
    }

    public boolean vmagent() {
        return config.vmagentEnabled();
    }

    public boolean alloyLogs() {
        return config.alloyLogsEnabled();
    }

    public boolean nodeExporter() {
        return config.nodeExporterEnabled();
    }

    /** Worker and Traefik scraping only exist with vmagent (the loader also refuses the combination). */
    public boolean workerJob() {
        return config.vmagentEnabled() && config.workerMetricsEnabled();
    }

    public boolean traefikJob() {
        return config.vmagentEnabled() && config.traefikMetricsEnabled();
    }

    /** Where alloy-logs runs: its own namespace, the only one of ours that allows its root and hostPath. */
    public String alloyNamespace() {
        return AlloyLogsAgent.NAMESPACE;
    }

    /**
     * valuesContent for the k3s Traefik HelmChartConfig (owned by the app layer): Prometheus metrics on an
     * entryPoint named "metrics", port {@value #TRAEFIK_METRICS_PORT}, not exposed through the Service (scraped
     * in-cluster only). Empty when Traefik metrics are off, so nothing changes on Traefik.
     */
    public Map<String, Object> traefikMetricsValues() {
        if (!traefikJob()) {
            return Map.of();
        }
        Map<String, Object> metricsPort = new LinkedHashMap<>();
        metricsPort.put("port", TRAEFIK_METRICS_PORT);
        metricsPort.put("expose", Map.of("default", false));
        metricsPort.put("exposedPort", TRAEFIK_METRICS_PORT);
        metricsPort.put("protocol", "TCP");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("metrics", Map.of("prometheus", Map.of("entryPoint", "metrics")));
        values.put("ports", Map.of("metrics", metricsPort));
        return values;
    }

    /**
     * UFW openings the node-level scrapes need. node-exporter (and a hostNetwork Traefik) listen on the node
     * itself, behind UFW's "default deny incoming": vmagent reaches its own node from the pod network and the
     * other nodes SNAT'd to their public IPv4 (flannel masquerades pod traffic leaving the pod CIDR).
     * The cluster layer applies these as extra rules; without them only same-node scrapes could work.
     */
    public List<FirewallRuleSpec> nodeFirewallRules() {
        List<Integer> ports = new ArrayList<>();
        if (config.vmagentEnabled() && config.nodeExporterEnabled()) {
            ports.add(NODE_EXPORTER_PORT);
        }
        if (traefikJob() && cluster.traefikHostNetwork()) {
            ports.add(TRAEFIK_METRICS_PORT);
        }
        List<FirewallRuleSpec> rules = new ArrayList<>();
        for (int port : ports) {
            rules.add(new FirewallRuleSpec(String.valueOf(port), "tcp", Optional.of(POD_CIDR)));
            for (NodeSpec node : cluster.nodes()) {
                rules.add(new FirewallRuleSpec(String.valueOf(port), "tcp", Optional.of(node.ipv4() + "/32")));
            }
        }
        return List.copyOf(rules);
    }

    // ------------------------------------------------------------------ network policies

    /**
     * Runbook §9.2: k3s evaluates egress after kube-proxy's DNAT, so reaching the API Service (10.43.0.1:443)
     * needs BOTH the Service-CIDR rule and a :6443 rule to the node addresses behind it.
     */
    private static List<EgressRule> apiServerEgress() {
        return List.of(
                new EgressRule(List.of(NetworkPeer.cidr(SERVICE_CIDR)), List.of(NetworkPort.tcp(443)),
                        "kubernetes Service 10.43.0.1:443 (service discovery), before DNAT"),
                new EgressRule(List.of(NetworkPeer.cidrExcept("0.0.0.0/0", List.of(POD_CIDR))), List.of(NetworkPort.tcp(6443)),
                        "API server on the nodes :6443, after DNAT (runbook §9.2)"));
    }

    private static EgressRule dnsEgress() {
        return new EgressRule(List.of(NetworkPeer.podsIn(KUBE_SYSTEM, Map.of("k8s-app", "kube-dns"))),
                List.of(NetworkPort.udp(53), NetworkPort.tcp(53)), "cluster DNS (CoreDNS)");
    }

    private EgressRule observabilityEndpointEgress() {
        List<NetworkPeer> to = config.endpointCidrs().isEmpty()
                ? List.of(NetworkPeer.outsideTheCluster())
                : config.endpointCidrs().stream().<NetworkPeer>map(NetworkPeer::cidr).toList();
        return new EgressRule(to, List.of(NetworkPort.tcp(443)), "observability endpoint (obs.88oakapps.com) over HTTPS");
    }

    private List<NetworkPeer> nodeAddresses() {
        return cluster.nodes().stream().<NetworkPeer>map(n -> NetworkPeer.host(n.ipv4())).toList();
    }

    /** Egress of {@value #VMAGENT_POLICY}: API, DNS, remote-write, and exactly the targets it scrapes. */
    public List<EgressRule> vmagentEgress() {
        List<EgressRule> rules = new ArrayList<>(apiServerEgress());
        rules.add(dnsEgress());
        rules.add(observabilityEndpointEgress());
        rules.add(new EgressRule(List.of(NetworkPeer.pods(Map.of(Labels.NAME, "api"))),
                List.of(NetworkPort.tcp(API_METRICS_PORT)), "api pods /metrics"));
        if (workerJob()) {
            rules.add(new EgressRule(List.of(NetworkPeer.pods(Map.of(Labels.NAME, "worker"))),
                    List.of(NetworkPort.tcp(WORKER_METRICS_PORT)), "worker /metrics (runbook §11 item 6)"));
        }
        if (config.kubeStateMetricsEnabled()) {
            rules.add(new EgressRule(List.of(NetworkPeer.podsIn(KUBE_SYSTEM, Map.of(Labels.NAME, KUBE_STATE_METRICS))),
                    List.of(NetworkPort.tcp(KSM_METRICS_PORT)), "kube-state-metrics"));
        }
        if (config.nodeExporterEnabled()) {
            rules.add(new EgressRule(nodeAddresses(), List.of(NetworkPort.tcp(NODE_EXPORTER_PORT)),
                    "node-exporter on every node (hostNetwork)"));
        }
        if (traefikJob()) {
            List<NetworkPeer> to = cluster.traefikHostNetwork() ? nodeAddresses()
                    : List.of(NetworkPeer.podsIn(KUBE_SYSTEM, Map.of(Labels.NAME, "traefik")));
            rules.add(new EgressRule(to, List.of(NetworkPort.tcp(TRAEFIK_METRICS_PORT)), "Traefik metrics entryPoint"));
        }
        return List.copyOf(rules);
    }

    /** Egress of {@value #ALLOY_POLICY}: API (pod discovery), DNS and the Loki push endpoint; nothing else. */
    public List<EgressRule> alloyEgress() {
        List<EgressRule> rules = new ArrayList<>(apiServerEgress());
        rules.add(dnsEgress());
        rules.add(observabilityEndpointEgress());
        return List.copyOf(rules);
    }

    // ------------------------------------------------------------------ vmagent scrape config

    /** The vmagent -promscrape.config as data; {@link ScrapeConfigRenderer} turns it into YAML. */
    public Map<String, Object> scrapeConfig() {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("scrape_interval", "30s");
        global.put("scrape_timeout", "10s");
        global.put("external_labels", externalLabels());
        List<Map<String, Object>> jobs = new ArrayList<>();
        jobs.add(ScrapeJobs.podJob("api", namespace, "api", API_METRICS_PORT));
        if (workerJob()) {
            jobs.add(ScrapeJobs.podJob("worker", namespace, "worker", WORKER_METRICS_PORT));
        }
        if (config.kubeStateMetricsEnabled()) {
            Map<String, Object> ksm = new LinkedHashMap<>();
            ksm.put("job_name", KUBE_STATE_METRICS);
            // kube_* series carry the namespace/pod of the object they describe; keep those, not the exporter's.
            ksm.put("honor_labels", true);
            ksm.put("static_configs", List.of(Map.of("targets",
                    List.of(KUBE_STATE_METRICS + "." + KUBE_SYSTEM + ".svc:" + KSM_METRICS_PORT))));
            jobs.add(ksm);
        }
        if (config.nodeExporterEnabled()) {
            jobs.add(ScrapeJobs.nodeJob(NODE_EXPORTER, NODE_EXPORTER_PORT));
        }
        if (traefikJob()) {
            jobs.add(cluster.traefikHostNetwork() ? ScrapeJobs.nodeJob("traefik", TRAEFIK_METRICS_PORT)
                    : ScrapeJobs.podJob("traefik", KUBE_SYSTEM, "traefik", TRAEFIK_METRICS_PORT));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("global", global);
        root.put("scrape_configs", jobs);
        return root;
    }

    /** cluster is unique per stack (runbook §9.6); environment from config. Also put on every log stream. */
    public Map<String, String> externalLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", config.clusterLabel());
        labels.put("environment", config.environmentLabel());
        return labels;
    }

    /** Does vmagent need to watch nodes (node-role discovery)? Pods are always watched (the api job). */
    public boolean vmagentWatchesNodes() {
        return config.nodeExporterEnabled() || (traefikJob() && cluster.traefikHostNetwork());
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
