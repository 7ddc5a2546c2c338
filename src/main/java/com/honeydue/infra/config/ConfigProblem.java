package com.honeydue.infra.config;

/**
 * One thing wrong with a stack's config: the key, what is wrong, and the form it should take. Key and message are
 * made printable here ({@link Shown#escape}) and the message is capped, whatever the caller quoted: a value from the
 * stack file can never add a line, reorder the terminal's text or flood it.
 */
public record ConfigProblem(String key, String message) {
    static final int MAX_MESSAGE = 1000;

    public ConfigProblem {
        key = Shown.text(key == null ? "" : key);
        message = Shown.escape(message == null ? "" : message);
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "… (message cut)";
        }
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
