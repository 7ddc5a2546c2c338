package com.honeydue.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.StackFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteStepParseTest {
    @Test
    void parseInvertsCommandForQuotesNewlinesAndEmptyValues() {
        var step = new RemoteStep("tricky", "#!/usr/bin/env bash\necho \"$A\"\n", Map.of(
                "A", "it's \"quoted\" 'twice'",
                "MULTI", "line one\nline 'two'\n\nline four",
                "EMPTY", "",
                "STEP_NAME", "tricky",
                "TRAILING", "ends with quote'"));
        RemoteStep parsed = RemoteStep.parse(step.command());
        assertThat(parsed).isEqualTo(step);
        assertThat(parsed.envFile()).isEqualTo(step.envFile());
        assertThat(parsed.command()).isEqualTo(step.command());
    }

    @Test
    void everyStepOfTheClusterRoundTrips() {
        ClusterConfig c = StackFixtures.config("prod").cluster();
        var init = c.initialServer().orElseThrow();
        List<RemoteStep> steps = List.of(NodeStepPlan.bootstrap(c), NodeStepPlan.firewall(FirewallPlan.forNode(c, init, List.of())),
                NodeStepPlan.k3sServer(c, init, Optional.empty()), NodeStepPlan.k3sServer(c, c.nodes().get(1), Optional.of(init.ipv4())),
                NodeStepPlan.k3sRemoval(init), NodeStepPlan.k3sUninstall(init),
                NodeStepPlan.clusterMembers(c, c.nodes()), NodeStepPlan.ingressReady(c), NodeStepPlan.readNodeToken(), NodeStepPlan.readKubeconfig(init),
                NodeStepPlan.etcdRestore(c, init, "reset", "etcd-snapshot-1"));
        for (RemoteStep step : steps) {
            RemoteStep parsed = RemoteStep.parse(step.command());
            assertThat(parsed).isEqualTo(step);
            assertThat(parsed.script()).startsWith("#!/usr/bin/env bash");
        }
    }

    @Test
    void aScriptWithoutExportsIsAllScript() {
        assertThat(RemoteStep.parse("echo hi\n")).isEqualTo(new RemoteStep("", "echo hi\n", Map.of()));
    }

    @Test
    void malformedExportsAreRejected() {
        assertThatThrownBy(() -> RemoteStep.parse("export A=unquoted\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not single-quoted");
        assertThatThrownBy(() -> RemoteStep.parse("export A='open\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> RemoteStep.parse("export A='x' B='y'\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not end the line");
    }
}
