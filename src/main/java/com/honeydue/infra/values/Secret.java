package com.honeydue.infra.values;

import com.pulumi.core.Output;
import java.util.Objects;

/**
 * A secret config value. The plain text never leaves this class except as a Pulumi secret Output,
 * so it cannot reach a log, a render or a non-secret input by accident.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public Output<String> output() {
        return Output.ofSecret(value);
    }

    /** Maps the plain value into another secret (e.g. a derived file); the result stays secret. */
    public Output<String> derive(java.util.function.Function<String, String> f) {
        return Output.ofSecret(f.apply(value));
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    /** For validation only (format checks); never for building resource inputs. */
    public boolean matches(java.util.function.Predicate<String> check) {
        return check.test(value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
