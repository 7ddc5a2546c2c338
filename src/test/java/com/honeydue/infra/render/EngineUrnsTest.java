package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.StackFixtures;
import com.honeydue.infra.engine.EngineUrns;
import com.honeydue.infra.engine.RecordedResource;
import org.junit.jupiter.api.Test;

/** Render's URNs are the ones the real engine records (seen in `pulumi preview --json` of prod). */
class EngineUrnsTest {
    @Test
    void theRootStacksTypeIsLeftOutOfEveryQualifiedType() {
        assertThat(EngineUrns.normalize("urn:pulumi:prod::honeydue-infra::pulumi:pulumi:Stack$honeydue:cluster:K3sNodeGroup::cluster"))
                .isEqualTo("urn:pulumi:prod::honeydue-infra::honeydue:cluster:K3sNodeGroup::cluster");
        assertThat(EngineUrns.normalize("urn:pulumi:prod::honeydue-infra::pulumi:pulumi:Stack::honeydue-infra-prod"))
                .isEqualTo("urn:pulumi:prod::honeydue-infra::pulumi:pulumi:Stack::honeydue-infra-prod");
        assertThat(EngineUrns.normalize("urn:pulumi:prod::p::honeydue:app:HoneyDueApp$kubernetes:core/v1:Secret::x"))
                .isEqualTo("urn:pulumi:prod::p::honeydue:app:HoneyDueApp$kubernetes:core/v1:Secret::x");
    }

    @Test
    void everyRecordedUrnParentAndDependencyIsInTheEnginesForm() {
        var run = StackFixtures.run("prod");
        for (RecordedResource r : run.resources()) {
            assertThat(r.urn()).doesNotContain("pulumi:pulumi:Stack$");
            if (r.parent() != null) {
                assertThat(r.parent()).doesNotContain("pulumi:pulumi:Stack$");
            }
            assertThat(r.dependsOn()).allSatisfy(d -> assertThat(d).doesNotContain("pulumi:pulumi:Stack$"));
        }
        assertThat(run.resources()).extracting(RecordedResource::urn)
                .contains("urn:pulumi:prod::honeydue-infra::honeydue:cluster:K3sNodeGroup::cluster",
                        "urn:pulumi:prod::honeydue-infra::honeydue:cluster:K3sNodeGroup$command:remote:Command::hetzner1-bootstrap");
    }
}
