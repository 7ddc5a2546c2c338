package com.honeydue.infra.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runbook §6.11 / §9.7 as a rule: two stacks (e.g. prod and ovh during a move) must never both run the Asynq
 * worker (every cron would fire twice) and never both own the public DNS. Pure: it compares this stack's intent
 * with the peer's exported state.
 */
public final class CutoverGuard {
    /** What the peer stack last exported; empty when the peer has not exported it (or cannot be read offline). */
    public record PeerState(Optional<Boolean> workerActive, Optional<Boolean> ownsPublicDns) {}

    private CutoverGuard() {}

    public static List<String> violations(String stack, String peer, boolean workerActive, boolean ownsPublicDns,
                                          PeerState peerState) {
        List<String> out = new ArrayList<>();
        if (workerActive && peerState.workerActive().orElse(false)) {
            out.add("stack '" + stack + "' would run the worker while peer stack '" + peer + "' runs it too: the Asynq "
                    + "scheduler would fire every cron twice (runbook §9.7). First set workerActive: false on '" + peer
                    + "' and run pulumi up there, then apply this stack");
        }
        if (ownsPublicDns && peerState.ownsPublicDns().orElse(false)) {
            out.add("stack '" + stack + "' would own the public DNS while peer stack '" + peer + "' owns it too. "
                    + "First set ownsPublicDns: false on '" + peer + "' and run pulumi up there, then apply this stack");
        }
        return List.copyOf(out);
    }

    /** Reads a peer output that may be missing, a boolean, or a string (stack outputs round-trip as JSON). */
    public static Optional<Boolean> flag(Object exported) {
        if (exported instanceof Boolean b) {
            return Optional.of(b);
        }
        if (exported instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        return Optional.empty();
    }
}
