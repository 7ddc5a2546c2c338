package com.honeydue.infra.cluster;

/** One {@code ufw} invocation, as its argument string (e.g. {@code allow from 1.2.3.4 to any port 10250 proto tcp}). */
public record UfwRule(String args, String why) {
    @Override
    public String toString() {
        return "ufw " + args;
    }
}
