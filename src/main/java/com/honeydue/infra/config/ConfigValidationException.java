package com.honeydue.infra.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is registered; carries every problem found, not just the first. */
public final class ConfigValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public ConfigValidationException(String stack, List<ConfigProblem> problems) {
        super(format(stack, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(String stack, List<ConfigProblem> problems) {
        return "stack '" + stack + "' has " + problems.size() + " config problem" + (problems.size() == 1 ? "" : "s")
                + "; nothing was changed:\n"
                + problems.stream().map(p -> "  - " + ConfigKeys.qualified(p.key()) + ": " + p.message()
                                + p.detail().stream().map(line -> "\n      " + line).collect(Collectors.joining()))
                        .collect(Collectors.joining("\n"));
    }
}
