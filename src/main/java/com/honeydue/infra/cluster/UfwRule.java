package com.honeydue.infra.cluster;

/** One {@code ufw} invocation, as its argument string (e.g. {@code allow from 1.2.3.4 to any port 10250 proto tcp}). */
public record UfwRule(String args, String why) {
    /**
     * The firewall step splits each rule line into words on purpose (ufw takes them as separate arguments), so a rule
     * is words of address, port and keyword characters separated by single spaces: no value can add a word, a line or
     * a shell character. Validation refuses such values first; reaching this is an internal error.
     */
    private static final java.util.regex.Pattern ARGS = java.util.regex.Pattern.compile("[A-Za-z0-9.:/-]+( [A-Za-z0-9.:/-]+)*");

    public UfwRule {
        if (args == null || args.length() > 200 || !ARGS.matcher(args).matches()) {
            throw new IllegalStateException("internal error: UFW rule " + com.honeydue.infra.values.Shown.value(args)
                    + " is not words of [A-Za-z0-9.:/-] separated by single spaces; a config value escaped validation");
        }
    }

    @Override
    public String toString() {
        return "ufw " + args;
    }
}
