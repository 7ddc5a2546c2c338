package com.honeydue.infra.observability;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alloy-logs pipeline in Alloy's configuration syntax (River): discover this node's pods, tail their files
 * under /var/log/pods, relabel namespace/pod/container/node, parse the CRI line format and push to Loki with the
 * bearer token read from a mounted Secret file. The token never appears in this text.
 */
public final class AlloyLogsConfig {
    public static final String LOG_ROOT = "/var/log/pods";
    public static final String TOKEN_FILE = ObservabilityPlan.ALLOY_TOKEN_DIR + "/" + ObservabilityPlan.TOKEN_KEY;

    private AlloyLogsConfig() {}

    public static String render(String lokiPushUrl, Map<String, String> externalLabels) {
        String labels = externalLabels.entrySet().stream()
                .map(e -> "    " + e.getKey() + " = " + quote(e.getValue()) + ",")
                .collect(Collectors.joining("\n"));
        return """
                // Pods scheduled on this node only (NODE_NAME comes from the downward API).
                discovery.kubernetes "pods" {
                  role = "pod"
                  selectors {
                    role  = "pod"
                    field = "spec.nodeName=" + sys.env("NODE_NAME")
                  }
                }

                discovery.relabel "pod_logs" {
                  targets = discovery.kubernetes.pods.targets

                  // One target per container: drop the per-port labels so multi-port containers are tailed once.
                  rule {
                    action = "labeldrop"
                    regex  = "__meta_kubernetes_pod_container_port_.*"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_namespace"]
                    target_label  = "namespace"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_name"]
                    target_label  = "pod"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_container_name"]
                    target_label  = "container"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_node_name"]
                    target_label  = "node"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
                    target_label  = "app"
                  }
                  // kubelet's layout: /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log
                  rule {
                    source_labels = ["__meta_kubernetes_namespace", "__meta_kubernetes_pod_name", "__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name"]
                    separator     = "/"
                    regex         = "(.+)/(.+)/(.+)/(.+)"
                    replacement   = "%1$s/$1_$2_$3/$4/*.log"
                    target_label  = "__path__"
                  }
                }

                local.file_match "pod_logs" {
                  path_targets = discovery.relabel.pod_logs.output
                }

                loki.source.file "pod_logs" {
                  targets    = local.file_match.pod_logs.targets
                  forward_to = [loki.process.pod_logs.receiver]
                }

                loki.process "pod_logs" {
                  stage.cri {}
                  forward_to = [loki.write.obs.receiver]
                }

                loki.write "obs" {
                  endpoint {
                    url               = %2$s
                    bearer_token_file = %3$s
                  }
                  external_labels = {
                %4$s
                  }
                }
                """.formatted(LOG_ROOT, quote(lokiPushUrl), quote(TOKEN_FILE), labels);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
