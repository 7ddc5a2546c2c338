package com.honeydue.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.StackFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The figures and statements the README and docs make about what the program renders, checked against the render,
 * so the docs cannot drift from it again (issue 16 item 18: "no HelmChartConfig on OVH", a Job TTL that was gone,
 * diff figures from an older program).
 */
class DocsAgreeWithRenderTest {
    private static final Path ROOT = StackFixtures.PROJECT;
    private static final java.util.Map<String, JsonNode> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonNode plan(String stack) {
        return PLANS.computeIfAbsent(stack, PlanDiffTest::plan);
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static List<Path> markdown() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")))
                    .sorted().toList();
        }
    }

    @Test
    void theProdAgainstOvhFiguresInRenderMdAreWhatTheDiffPrints() throws IOException {
        Matcher quoted = Pattern.compile("`diff --stack prod --against ovh` \\((\\d+) added, (\\d+) removed, (\\d+) changed, "
                + "(\\d+) output values\\)").matcher(read("docs/render.md"));
        assertThat(quoted.find()).as("docs/render.md quotes the prod-vs-ovh figures").isTrue();
        String printed = PlanDiff.format(PlanDiff.compare(plan("ovh"), plan("prod")), "ovh", "prod");
        assertThat(printed).endsWith(quoted.group(1) + " added, " + quoted.group(2) + " removed, " + quoted.group(3)
                + " changed, " + quoted.group(4) + " output value(s) changed\n");
    }

    @Test
    void theResourceCountsTheReadmeQuotesAreTheRenders() throws IOException {
        Matcher counts = Pattern.compile("`(ovh|prod)` \\((\\d+) resources\\)").matcher(read("README.md"));
        int seen = 0;
        while (counts.find()) {
            JsonNode plan = plan(counts.group(1));
            assertThat(plan.path("resources").size()).as("README: " + counts.group()).isEqualTo(Integer.parseInt(counts.group(2)));
            seen++;
        }
        assertThat(seen).as("README quotes both stacks' resource counts").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theMigrationJobIsKeptAsDocsAppSays() throws IOException {
        JsonNode job = StackFixtures.run("ovh").ofType("kubernetes:batch/v1:Job").get(0).inputs();
        assertThat(job.path("spec").has("ttlSecondsAfterFinished")).as("the rendered migration Job has a TTL").isFalse();
        assertThat(read("docs/app.md")).contains("**no** `ttlSecondsAfterFinished`");
    }

    @Test
    void bothStacksRenderTraefiksHelmChartConfigAndNoDocSaysOtherwise() throws IOException {
        for (String stack : List.of("ovh", "prod")) {
            assertThat(StackFixtures.run(stack).ofType("kubernetes:helm.cattle.io/v1:HelmChartConfig")).as(stack).hasSize(1);
        }
        Pattern denial = Pattern.compile("(?i)\\bno HelmChartConfig on\\b|\\bwithout (a |the )?HelmChartConfig\\b");
        for (Path doc : markdown()) {
            assertThat(denial.matcher(Files.readString(doc)).find()).as(ROOT.relativize(doc).toString()).isFalse();
        }
    }
}
