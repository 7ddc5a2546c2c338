package com.honeydue.infra.values;

/**
 * How a config value appears in a message: quoted, every control, format (bidi) or other invisible character
 * written as {@code \\uXXXX} (so a value can neither fake a second message line nor reorder the terminal's text),
 * and cut to {@link #MAX} characters with its full length when longer.
 */
public final class Shown {
    /** Characters of a value shown before it is cut. */
    public static final int MAX = 60;

    private Shown() {}

    /** {@code 'value'}, made safe and short for a message. */
    public static String value(String s) {
        return "'" + text(s) + "'";
    }

    /** The value without quotes, made safe and short. */
    public static String text(String s) {
        if (s == null) {
            return "null";
        }
        int cut = s.length() > MAX ? s.offsetByCodePoints(0, Math.min(MAX, s.codePointCount(0, s.length()))) : s.length();
        String shown = escape(s.substring(0, cut));
        return cut < s.length() ? shown + "… (" + s.length() + " chars)" : shown;
    }

    /** Escapes whatever a terminal would not print as itself; leaves everything else, including non-ASCII letters. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (visible(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp <= 0xFFFF) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.append(String.format("\\U%08X", cp));
            }
        });
        return sb.toString();
    }

    /** A code point that prints as itself: not a control, format (bidi, zero-width), separator other than space, or unassigned. */
    static boolean visible(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }
}
