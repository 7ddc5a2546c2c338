package com.honeydue.infra.app;

import com.honeydue.infra.workload.NetworkPeer;
import com.honeydue.infra.workload.NetworkPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The namespace's NetworkPolicies: default-deny for ingress and egress, then one allow policy per real flow.
 * Twelve in all: runbook §5's eleven app policies plus {@code allow-egress-admin-to-api} (the admin panel's
 * server-side routes, seed 003 {@code admin/src/app/api/*}, call the api); ObservabilityAgents adds its own.
 *
 * <p>k3s's policy controller checks egress after kube-proxy's DNAT (runbook §9.2), so in-cluster destinations are
 * matched by the backend pods' labels, never by a Service IP, and external destinations by an ipBlock of the
 * whole IPv4 space minus the pod and service CIDRs, narrowed by port.
 */
public final class NetworkPolicyPlan {
    public static final String POD_CIDR = com.honeydue.infra.values.ClusterNetwork.POD_CIDR;
    public static final String SERVICE_CIDR = com.honeydue.infra.values.ClusterNetwork.SERVICE_CIDR;
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String MIGRATE_NAME = "migrate";
    public static final int HTTPS_PORT = 443;
    public static final int DNS_PORT = 53;

    /** Pods of this namespace by their {@value #NAME_LABEL}. */
    static NetworkPeer pods(String name) {
        return NetworkPeer.pods(Map.of(NAME_LABEL, name));
    }

    public record Rule(List<NetworkPeer> peers, List<NetworkPort> ports) {
        public Rule {
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }
    }

    /**
     * @param podName the pods the policy selects by {@code app.kubernetes.io/name}; empty = every pod
     * @param podNames alternatively several names (matchExpressions In); used when one flow starts at two workloads
     */
    public record Policy(String name, List<String> podNames, List<String> policyTypes, List<Rule> ingress, List<Rule> egress) {
        public Policy {
            podNames = List.copyOf(podNames);
            policyTypes = List.copyOf(policyTypes);
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }

        static Policy ingress(String name, String pod, Rule... rules) {
            return new Policy(name, List.of(pod), List.of("Ingress"), List.of(rules), List.of());
        }

        static Policy egress(String name, List<String> pods, Rule... rules) {
            return new Policy(name, pods, List.of("Egress"), List.of(), List.of(rules));
        }
    }

    /**
     * @param traefikHostNetwork Traefik runs in the host network namespace (Hetzner), so its connections come from
     *                           the node addresses rather than from a traefik pod
     */
    public record Inputs(List<String> nodeIpv4s, boolean traefikHostNetwork, int postgresPort, int smtpPort,
                         java.util.OptionalInt workerMetricsPort) {
        public Inputs {
            nodeIpv4s = List.copyOf(nodeIpv4s);
        }

        public Inputs(List<String> nodeIpv4s, boolean traefikHostNetwork, int postgresPort, int smtpPort) {
            this(nodeIpv4s, traefikHostNetwork, postgresPort, smtpPort, java.util.OptionalInt.empty());
        }
    }

    private NetworkPolicyPlan() {}

    public static List<Policy> plan(Inputs in) {
        List<NetworkPeer> traefik = new ArrayList<>();
        traefik.add(NetworkPeer.podsIn("kube-system", Map.of(NAME_LABEL, "traefik")));
        if (in.traefikHostNetwork()) {
            in.nodeIpv4s().forEach(ip -> traefik.add(NetworkPeer.host(ip)));
            // A host-network Traefik reaches pods on other nodes from that node's flannel address (10.42.N.0, over
            // VXLAN), not from its public IP, and no policy can name those addresses in advance: admit the pod
            // network on the app ports. Only in this mode; with klipper-lb Traefik is matched as its own pods.
            traefik.add(NetworkPeer.cidr(POD_CIDR));
        }
        NetworkPeer internet = NetworkPeer.outsideTheCluster();
        NetworkPort api = NetworkPort.tcp(WorkloadPlan.API_PORT);
        NetworkPort nextJs = NetworkPort.tcp(WorkloadPlan.NEXTJS_PORT);
        NetworkPort postgres = NetworkPort.tcp(in.postgresPort());
        NetworkPort redis = NetworkPort.tcp(WorkloadPlan.REDIS_PORT);

        List<NetworkPeer> apiSources = new ArrayList<>(traefik);
        apiSources.add(pods("web"));
        apiSources.add(pods("admin")); // the admin panel's server-side routes (seed 003: admin/src/app/api/*)
        apiSources.add(pods("vmagent")); // scrapes /metrics on the api port (ObservabilityAgents)

        List<Policy> policies = new ArrayList<>(List.of(
                new Policy("default-deny-all", List.of(), List.of("Ingress", "Egress"), List.of(), List.of()),
                Policy.egress("allow-dns", List.of(),
                        new Rule(List.of(NetworkPeer.podsIn("kube-system", Map.of("k8s-app", "kube-dns"))),
                                List.of(NetworkPort.udp(DNS_PORT), NetworkPort.tcp(DNS_PORT)))),
                Policy.ingress("allow-ingress-api", "api", new Rule(apiSources, List.of(api))),
                Policy.ingress("allow-ingress-web", "web", new Rule(traefik, List.of(nextJs))),
                Policy.ingress("allow-ingress-admin", "admin", new Rule(traefik, List.of(nextJs))),
                Policy.egress("allow-egress-web-to-api", List.of("web"), new Rule(List.of(pods("api")), List.of(api))),
                Policy.egress("allow-egress-admin-to-api", List.of("admin"), new Rule(List.of(pods("api")), List.of(api))),
                Policy.egress("allow-egress-api-worker-data", List.of("api", "worker"),
                        new Rule(List.of(internet), List.of(postgres, NetworkPort.tcp(HTTPS_PORT))),
                        new Rule(List.of(pods("redis")), List.of(redis))),
                Policy.ingress("allow-ingress-redis", "redis",
                        new Rule(List.of(pods("api"), pods("worker")), List.of(redis))),
                Policy.egress("allow-egress-worker-smtp", List.of("worker"),
                        new Rule(List.of(internet), List.of(NetworkPort.tcp(in.smtpPort())))),
                Policy.egress("allow-egress-api-push", List.of("api"),
                        new Rule(List.of(internet), List.of(NetworkPort.tcp(HTTPS_PORT)))),
                Policy.egress("allow-egress-migrate-postgres", List.of(MIGRATE_NAME),
                        new Rule(List.of(internet), List.of(postgres)))));
        // Runbook §11 item 6: once the worker serves /metrics, vmagent must reach it through the default deny.
        in.workerMetricsPort().ifPresent(port -> policies.add(Policy.ingress("allow-ingress-worker-metrics", "worker",
                new Rule(List.of(pods("vmagent")), List.of(NetworkPort.tcp(port))))));
        return List.copyOf(policies);
    }
}
