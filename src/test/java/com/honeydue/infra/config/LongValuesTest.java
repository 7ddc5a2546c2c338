package com.honeydue.infra.config;

import com.honeydue.infra.stack.StackConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.honeydue.infra.ConfigOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Class 3 of the hostile-config issue: no value may crash validation. Every string key and list gets the longest
 * value that passes the length cap, in shapes that make backtracking patterns recurse, and validation must end
 * with problems (never an Error) on a thread with a quarter of the default stack.
 */
class LongValuesTest {
    private static final List<String> SHAPES = List.of("a-", "a.", "a_", "1,", "a/", "a:", "-a");

    private static String longest(String shape) {
        return shape.repeat(ConfigReader.MAX_STRING / shape.length());
    }

    @Test
    void theLongestAcceptedValueOfEveryKeyEndsInProblemsNotInAStackOverflow() throws Exception {
        ConfigSchema schema = ConfigOverrides.schema();
        for (String shape : SHAPES) {
            String value = longest(shape);
            assertThat(value).hasSize(ConfigReader.MAX_STRING);
            Map<String, JsonNode> values = new LinkedHashMap<>(ConfigOverrides.raw("ovh", Map.of(), true).values());
            for (var d : schema.declarations().values()) {
                if (d.type().equals("array")) {
                    values.put(d.key(), JsonNodeFactory.instance.arrayNode().add(value).add("alias=" + value.substring(6)));
                } else if (!d.holdsSecret()) {
                    values.put(d.key(), TextNode.valueOf(value));
                }
            }
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    StackConfigLoader.load(schema, new RawConfig("ovh", values, true));
                } catch (Throwable e) {
                    thrown.set(e);
                }
            }, "small-stack", 256 * 1024);
            t.start();
            t.join();
            assertThat(thrown.get()).as(shape).isInstanceOf(ConfigValidationException.class);
            assertThat(thrown.get().getMessage()).as("values are shortened in messages").doesNotContain(value.substring(0, 200));
        }
    }

    @Test
    void aValueBeyondTheCapIsOneShortProblem() {
        var e = ConfigOverrides.failure("ovh", Map.of("smtpHost", "x".repeat(100_000)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("smtpHost");
        assertThat(e.getMessage()).contains("… (100000 chars)' is too long; expected at most 1024 characters").hasSizeLessThan(400);
    }
}
