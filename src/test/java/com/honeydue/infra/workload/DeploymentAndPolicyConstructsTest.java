package com.honeydue.infra.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Deployment and NetworkPolicy constructs: their secure defaults, and that leaving one is explicit. */
class DeploymentAndPolicyConstructsTest {
    private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "app");
    private static final ObjectMetaArgs META = ObjectMetaArgs.builder().name("app").build();

    private static <T> T value(Optional<Output<T>> input) {
        return value(input.orElseThrow());
    }

    private static <T> T value(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }

    private static HardenedPod.Builder pod() {
        var probe = ProbeArgs.builder().tcpSocket(TCPSocketActionArgs.builder().port(8080).build()).build();
        return HardenedPod.builder("app").runAs(1000, 1000).containers(HardenedContainer.builder("app", "registry.example/app@sha256:"
                + "b".repeat(64)).resources(SecureDefaults.resources("10m", "32Mi", "100m", "64Mi"))
                .livenessProbe(probe).readinessProbe(probe).build());
    }

    private static PodSpecArgs podSpec(DeploymentArgs d) {
        return value(value(value(d.spec()).template()).spec());
    }

    @Test
    void replicatedAndHpaManagedDeploymentsSpreadAcrossNodesSoftly() {
        for (var deployment : List.of(HardenedDeployment.builder(SELECTOR, META, pod()).replicas(3),
                HardenedDeployment.builder(SELECTOR, META, pod()).scaledByHpa())) {
            var spread = value(podSpec(deployment.args(META)).topologySpreadConstraints());
            assertThat(spread).singleElement().satisfies(c -> {
                assertThat(value(c.topologyKey())).isEqualTo("kubernetes.io/hostname");
                assertThat(value(c.whenUnsatisfiable())).isEqualTo("ScheduleAnyway");
                assertThat(value(c.maxSkew())).isEqualTo(1);
                assertThat(value(value(c.labelSelector()).matchLabels())).isEqualTo(SELECTOR);
                assertThat(value(c.matchLabelKeys())).containsExactly("pod-template-hash");
            });
        }
        assertThat(podSpec(HardenedDeployment.builder(SELECTOR, META, pod()).replicas(1).args(META)).topologySpreadConstraints())
                .as("one replica has nothing to spread").isEmpty();
        assertThat(podSpec(HardenedDeployment.builder(SELECTOR, META, pod()).replicas(3).withoutSpread("test").args(META))
                .topologySpreadConstraints()).isEmpty();
        assertThatThrownBy(() -> HardenedDeployment.builder(SELECTOR, META, pod()).withoutSpread(" "))
                .hasMessageContaining("needs its reason");
    }

    @Test
    void anHpaManagedDeploymentSendsNoReplicasAndEveryDeploymentNeedsADecision() {
        assertThat(value(HardenedDeployment.builder(SELECTOR, META, pod()).scaledByHpa().args(META).spec()).replicas()).isEmpty();
        assertThat(value(value(HardenedDeployment.builder(SELECTOR, META, pod()).replicas(2).args(META).spec()).replicas())).isEqualTo(2);
        assertThatThrownBy(() -> HardenedDeployment.builder(SELECTOR, META, pod()).args(META))
                .hasMessageContaining("replicas(n) or scaledByHpa()");
        assertThatThrownBy(() -> HardenedDeployment.builder(Map.of(), META, pod())).hasMessageContaining("labels");
        assertThatThrownBy(() -> HardenedDeployment.builder(SELECTOR, META, pod()).recreate("")).hasMessageContaining("reason");
        var rolling = value(value(HardenedDeployment.builder(SELECTOR, META, pod()).replicas(2).rollingWithoutDowntime()
                .args(META).spec()).strategy());
        assertThat(value(value(rolling.rollingUpdate()).maxUnavailable()).isLeft()).isTrue();
        assertThat(value(value(rolling.rollingUpdate()).maxUnavailable()).left()).isZero();
    }

    private static NetworkPolicySpecArgs spec(PodNetworkPolicy.Builder policy) {
        return value(policy.args(META).spec());
    }

    @Test
    void aPolicyGovernsBothDirectionsUnlessItSaysWhyNot() {
        var deny = spec(PodNetworkPolicy.forPods(SELECTOR));
        assertThat(value(deny.policyTypes())).containsExactly("Ingress", "Egress");
        assertThat(deny.ingress()).isEmpty();
        assertThat(deny.egress()).isEmpty();
        assertThat(value(spec(PodNetworkPolicy.forAllPods().governsOnly("Egress", "another policy denies ingress"))
                .policyTypes())).containsExactly("Egress");
        assertThatThrownBy(() -> PodNetworkPolicy.forAllPods().governsOnly("Egress", "")).hasMessageContaining("reason");
        assertThatThrownBy(() -> PodNetworkPolicy.forAllPods().governsOnly("Both", "x")).hasMessageContaining("Ingress or Egress");
        assertThatThrownBy(() -> PodNetworkPolicy.forAllPods().governsOnly("Egress", "x")
                .allowIngress(List.of(NetworkPeer.cidr("10.0.0.0/8")), List.of(NetworkPort.tcp(80))).args(META))
                .hasMessageContaining("would be ignored");
        assertThatThrownBy(() -> PodNetworkPolicy.forPods(Map.of())).hasMessageContaining("forAllPods");
        assertThatThrownBy(() -> NetworkPort.tcp(70000)).hasMessageContaining("1-65535");
    }

    @Test
    void peersBecomeIpBlocksOrPodAndNamespaceSelectors() {
        var policy = spec(PodNetworkPolicy.forPodsWithAnyOf("app.kubernetes.io/name", List.of("api", "worker"))
                .allowEgress(List.of(NetworkPeer.cidrExcept("0.0.0.0/0", List.of("10.42.0.0/16")), NetworkPeer.host("192.0.2.7"),
                        NetworkPeer.podsIn("kube-system", Map.of("k8s-app", "kube-dns"))), List.of(NetworkPort.udp(53))));
        var expression = value(value(policy.podSelector()).matchExpressions()).get(0);
        assertThat(value(expression.operator())).isEqualTo("In");
        assertThat(value(expression.values())).containsExactly("api", "worker");
        var to = value(value(policy.egress()).get(0).to());
        assertThat(value(value(to.get(0).ipBlock()).cidr())).isEqualTo("0.0.0.0/0");
        assertThat(value(value(to.get(0).ipBlock()).except())).containsExactly("10.42.0.0/16");
        assertThat(value(value(to.get(1).ipBlock()).cidr())).isEqualTo("192.0.2.7/32");
        assertThat(value(to.get(1).ipBlock()).except()).isEmpty();
        assertThat(value(value(to.get(2).namespaceSelector()).matchLabels())).containsEntry("kubernetes.io/metadata.name", "kube-system");
        assertThat(value(value(to.get(2).podSelector()).matchLabels())).containsEntry("k8s-app", "kube-dns");
        var port = value(value(policy.egress()).get(0).ports()).get(0);
        assertThat(value(port.protocol())).isEqualTo("UDP");
    }
}
