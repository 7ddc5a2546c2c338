package com.honeydue.infra.config;

import com.honeydue.infra.values.Shown;
import java.util.List;

/**
 * One thing wrong with a stack's config: the key, what is wrong, and the form it should take. Key and message are
 * made printable here ({@link Shown#escape}) and the message is capped, whatever the caller quoted: a value from the
 * stack file can never add a line, reorder the terminal's text or flood it.
 *
 * @param detail lines printed under the problem, e.g. the commands that fix it (the DNS import); each line is made
 *               printable and capped like the message, and their number is capped, so detail adds only the lines the
 *               program meant to add
 */
public record ConfigProblem(String key, String message, List<String> detail) {
    static final int MAX_MESSAGE = 1000;
    static final int MAX_DETAIL_LINES = 400;

    public ConfigProblem {
        key = Shown.text(key == null ? "" : key);
        message = capped(Shown.escape(message == null ? "" : message));
        detail = (detail == null ? List.<String>of() : detail).stream()
                .limit(MAX_DETAIL_LINES).map(line -> capped(Shown.escape(line == null ? "" : line))).toList();
    }

    public ConfigProblem(String key, String message) {
        this(key, message, List.of());
    }

    private static String capped(String text) {
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "… (message cut)" : text;
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
