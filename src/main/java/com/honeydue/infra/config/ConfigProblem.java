package com.honeydue.infra.config;

/** One thing wrong with a stack's config: the key, what is wrong, and the form it should take. */
public record ConfigProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
