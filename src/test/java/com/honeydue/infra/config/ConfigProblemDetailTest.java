package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Detail lines under a problem (the DNS import commands) add exactly the lines the program meant, nothing else. */
class ConfigProblemDetailTest {
    @Test
    void eachDetailLineIsIndentedUnderItsProblemAndCannotAddALine() {
        var problem = new ConfigProblem("existingDnsRecords", "is required:",
                List.of("pulumi config set existingDnsRecords none --stack ovh", "evil\nline\u001b[2J"));
        String message = new ConfigValidationException("ovh", List.of(problem, new ConfigProblem("k3sVersion", "bad"))).getMessage();
        assertThat(message.split("\n")).containsExactly(
                "stack 'ovh' has 2 config problems; nothing was changed:",
                "  - honeydue-infra:existingDnsRecords: is required:",
                "      pulumi config set existingDnsRecords none --stack ovh",
                "      " + problem.detail().get(1),
                "  - honeydue-infra:k3sVersion: bad");
        assertThat(problem.detail().get(1)).doesNotContain("\n", "\u001b");
    }

    @Test
    void detailIsBoundedLikeTheMessage() {
        var problem = new ConfigProblem("k", "m", Collections.nCopies(1000, "x".repeat(5000)));
        assertThat(problem.detail()).hasSize(ConfigProblem.MAX_DETAIL_LINES)
                .allSatisfy(line -> assertThat(line).hasSizeLessThan(ConfigProblem.MAX_MESSAGE + 20));
        assertThat(new ConfigProblem("k", "m").detail()).isEmpty();
    }
}
