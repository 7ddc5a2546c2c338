package com.honeydue.infra.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two kinds of vmagent scrape job {@link ObservabilityPlan#scrapeConfig()} is made of, as plain data. */
final class ScrapeJobs {
    private ScrapeJobs() {}

    /**
     * Pods of one app in one namespace on their declared metrics port. namespace is copied onto every series so
     * namespace="honeydue" works for api metrics as for kube_* (runbook §9.5); service/job stay for old dashboards.
     */
    static Map<String, Object> podJob(String job, String ns, String appName, int port) {
        List<Map<String, Object>> relabel = new ArrayList<>();
        relabel.add(rule(List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name"), "keep", appName, null, null));
        relabel.add(rule(List.of("__meta_kubernetes_pod_container_port_number"), "keep", String.valueOf(port), null, null));
        relabel.add(rule(List.of("__meta_kubernetes_pod_phase"), "keep", "Running", null, null));
        relabel.add(rule(List.of("__meta_kubernetes_namespace"), "replace", null, "namespace", null));
        relabel.add(rule(List.of("__meta_kubernetes_pod_name"), "replace", null, "pod", null));
        relabel.add(rule(List.of("__meta_kubernetes_pod_node_name"), "replace", null, "node", null));
        relabel.add(rule(List.of("__meta_kubernetes_pod_container_name"), "replace", null, "container", null));
        relabel.add(rule(List.of(), "replace", null, "service", appName));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("job_name", job);
        j.put("metrics_path", "/metrics");
        j.put("kubernetes_sd_configs", List.of(Map.of("role", "pod", "namespaces", Map.of("names", List.of(ns)))));
        j.put("relabel_configs", relabel);
        return j;
    }

    /** One target per node: the node's address on {@code port}, so a node without the exporter shows up=0. */
    static Map<String, Object> nodeJob(String job, int port) {
        List<Map<String, Object>> relabel = new ArrayList<>();
        Map<String, Object> address = rule(List.of("__address__"), "replace", "([^:]+)(?::\\d+)?", "__address__", "$1:" + port);
        relabel.add(address);
        relabel.add(rule(List.of("__meta_kubernetes_node_name"), "replace", null, "node", null));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("job_name", job);
        j.put("metrics_path", "/metrics");
        j.put("kubernetes_sd_configs", List.of(Map.of("role", "node")));
        j.put("relabel_configs", relabel);
        return j;
    }

    private static Map<String, Object> rule(List<String> sources, String action, String regex, String target, String replacement) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (!sources.isEmpty()) {
            r.put("source_labels", sources);
        }
        if (regex != null) {
            r.put("regex", regex);
        }
        if (target != null) {
            r.put("target_label", target);
        }
        if (replacement != null) {
            r.put("replacement", replacement);
        }
        r.put("action", action);
        return r;
    }
}
