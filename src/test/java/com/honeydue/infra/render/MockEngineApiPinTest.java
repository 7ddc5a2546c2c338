package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.honeydue.infra.engine.Declaration;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.ObservedRun;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import com.pulumi.command.local.Command;
import com.pulumi.command.local.CommandArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the Pulumi SDK internals render relies on (com.pulumi.test.internal: monitor decorator, extractOutputData;
 * TestOptions.resourceTransformations): if an SDK upgrade changes what they expose, this fails loudly.
 */
class MockEngineApiPinTest {
    static final class Group extends ComponentResource {
        Group(String name) {
            super("test:pin:Group", name, ComponentResourceOptions.Empty);
        }
    }

    private static ObservedRun pinProgram() {
        return MockStackRunner.runProgram("pin", "dev", ctx -> {
            var group = new Group("group");
            var a = new Command("a", CommandArgs.builder().create("echo a").build(), CustomResourceOptions.builder().parent(group).build());
            // b uses a's output (implicit dependency) and a secret (masked in the recorded inputs).
            var b = new Command("b", CommandArgs.builder().create(a.stdout().applyValue(s -> "echo " + s))
                    .stdin(Output.ofSecret("pin-secret-value")).build(), CustomResourceOptions.builder().parent(group).build());
            new Command("c", CommandArgs.builder().create("echo c").build(),
                    CustomResourceOptions.builder().parent(group).dependsOn(b).build());
            ctx.export("plain", Output.of("visible"));
            ctx.export("hidden", Output.ofSecret("pin-secret-output"));
        });
    }

    @Test
    void monitorRecordsParentsImplicitAndExplicitDependenciesAndMasksSecrets() {
        ObservedRun observed = pinProgram();
        StackRun run = observed.run();
        RecordedResource group = run.named("test:pin:Group", "group");
        RecordedResource a = run.named("command:local:Command", "a");
        RecordedResource b = run.named("command:local:Command", "b");
        RecordedResource c = run.named("command:local:Command", "c");
        assertThat(List.of(a, b, c)).allSatisfy(r -> assertThat(r.parent()).isEqualTo(group.urn()));
        assertThat(b.dependsOn()).as("implicit dependency through an Output").contains(a.urn());
        assertThat(c.dependsOn()).as("explicit dependsOn").containsExactly(b.urn());
        assertThat(b.inputs().get("stdin").asText()).isEqualTo("[secret]");
        assertThat(b.secretPaths()).containsExactly("/stdin");
        assertThat(b.inputs().toString()).doesNotContain("pin-secret-value");
        assertThat(run.outputs()).containsKeys("plain", "hidden");
        assertThat(run.outputs().get("hidden").asText()).isEqualTo("[secret]");
        assertThat(run.secretOutputs()).isEqualTo(Map.of("plain", false, "hidden", true));
    }

    @Test
    void transformationSeesEveryResourceInProgramOrderWithExplicitDependsOnAndParent() {
        ObservedRun observed = pinProgram();
        List<Declaration> declared = observed.declarations();
        assertThat(declared).extracting(Declaration::name).containsExactly("pin-dev", "group", "a", "b", "c");
        assertThat(declared).extracting(Declaration::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        String groupUrn = observed.run().named("test:pin:Group", "group").urn();
        String bUrn = observed.run().named("command:local:Command", "b").urn();
        Declaration c = declared.get(4);
        assertThat(c.parent()).isEqualTo(groupUrn);
        assertThat(c.explicitDependsOn()).containsExactly(bUrn);
        assertThat(declared.get(3).explicitDependsOn()).as("b's dependency on a is implicit only").isEmpty();
        assertThat(declared).extracting(Declaration::urn)
                .containsExactlyInAnyOrderElementsOf(observed.run().resources().stream().map(RecordedResource::urn).toList());
    }

    @Test
    void crossCheckPassesAndCatchesADisagreement() {
        ObservedRun observed = pinProgram();
        RenderGraph.crossCheck(observed);
        String bUrn = observed.run().named("command:local:Command", "b").urn();
        List<RecordedResource> tampered = observed.run().resources().stream()
                .map(r -> r.name().equals("c") ? new RecordedResource(r.urn(), r.type(), r.name(), r.parent(), List.of(),
                        r.inputs(), r.secretPaths(), r.custom(), r.provider()) : r).toList();
        var broken = new ObservedRun(new StackRun("pin", "dev", tampered, observed.run().outputs(), observed.run().secretOutputs()),
                observed.declarations());
        assertThatThrownBy(() -> RenderGraph.crossCheck(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("explicit dependsOn " + bUrn);
    }

    @Test
    void declarationOrderIsStableAcrossRuns() {
        List<String> first = pinProgram().declarations().stream().map(Declaration::urn).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(pinProgram().declarations().stream().map(Declaration::urn).toList()).isEqualTo(first);
        }
    }
}
