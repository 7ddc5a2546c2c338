package com.honeydue.infra.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runbook §6.11 / §9.7 as rules: two stacks (e.g. prod and ovh during a move) must never both run the Asynq worker
 * (every cron would fire twice), never both own the public DNS, and a cutover must never leave a public hostname
 * without records. The DNS moves make-before-break: the new stack joins the owner's records ({@code dnsJoin}), the
 * old stack lets go, the new stack takes over. Pure: it compares this stack's intent with the peer's exported state;
 * what the peer has not exported is never a conflict.
 */
public final class CutoverGuard {
    /** The name of the StackReference through which a stack reads its peer's outputs. */
    public static final String PEER_REFERENCE_NAME = "peer-stack";

    /** What this stack is about to apply. */
    public record Intent(boolean workerActive, boolean ownsPublicDns, boolean dnsJoin, String sslMode,
                         List<String> publicHostnames) {
        public Intent {
            publicHostnames = List.copyOf(publicHostnames);
        }

        boolean publishesDnsRecords() {
            return ownsPublicDns || dnsJoin;
        }
    }

    /**
     * What the peer stack last exported; each part empty when the peer has not exported it (an older program, a stack
     * never applied, or offline).
     */
    public record PeerState(Optional<Boolean> workerActive, Optional<Boolean> ownsPublicDns, Optional<Boolean> dnsJoin,
                            Optional<String> sslMode, Optional<List<String>> publicHostnames) {
        /** A peer that exports only the two flags of the first cutover guard. */
        public static PeerState flags(Optional<Boolean> workerActive, Optional<Boolean> ownsPublicDns) {
            return new PeerState(workerActive, ownsPublicDns, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Known to publish records (as the owner or joined), known not to, or unknown. */
        Optional<Boolean> publishesDnsRecords() {
            if (ownsPublicDns.orElse(false) || dnsJoin.orElse(false)) {
                return Optional.of(true);
            }
            return ownsPublicDns.isPresent() ? Optional.of(false) : Optional.empty();
        }
    }

    private CutoverGuard() {}

    public static List<String> violations(String stack, String peer, Intent intent, PeerState peerState) {
        List<String> out = new ArrayList<>();
        if (intent.workerActive() && peerState.workerActive().orElse(false)) {
            out.add("stack '" + stack + "' would run the worker while peer stack '" + peer + "' runs it too: the Asynq "
                    + "scheduler would fire every cron twice (runbook §9.7). First set workerActive: false on '" + peer
                    + "' and run pulumi up there, then apply this stack");
        }
        if (intent.ownsPublicDns() && peerState.ownsPublicDns().orElse(false)) {
            out.add("stack '" + stack + "' would own the public DNS while peer stack '" + peer + "' owns it too. Hand it "
                    + "over without a gap: this stack joins first (ownsPublicDns: false, dnsJoin: true, pulumi up here), then "
                    + "set ownsPublicDns: false on '" + peer + "' and run pulumi up there, then apply this stack "
                    + "(docs/edge.md, Cutover)");
        }
        Optional<Boolean> peerPublishes = peerState.publishesDnsRecords();
        if (!intent.publishesDnsRecords() && peerPublishes.isPresent()) {
            // This stack's records go (or were never there). Every hostname it serves must keep the peer's records.
            Optional<List<String>> covered = peerPublishes.get() ? peerState.publicHostnames() : Optional.of(List.<String>of());
            covered.ifPresent(peerHosts -> {
                List<String> orphaned = intent.publicHostnames().stream().filter(h -> !peerHosts.contains(h)).toList();
                if (!orphaned.isEmpty()) {
                    String them = orphaned.size() == 1 ? "it" : "them";
                    String hosts = String.join(", ", orphaned);
                    String fix = peerPublishes.get()
                            ? "Add " + them + " to publicHostnames (and ingressRoutes) on '" + peer + "' and run pulumi up "
                                    + "there, or first remove " + them + " from this stack's publicHostnames while it still "
                                    + "publishes"
                            : "First let '" + peer + "' join (dnsJoin: true) and run pulumi up there, then apply this stack. "
                                    + "If neither stack has published these records (they are managed by hand), unset "
                                    + "peerStack here";
                    out.add("stack '" + stack + "' would publish no DNS records and peer stack '" + peer + "' publishes "
                            + (peerPublishes.get() ? "none for " + hosts : "none at all") + ": if this stack's records are "
                            + "the ones Cloudflare serves now, " + hosts + " would be left without a record and Cloudflare "
                            + "would fail every request for " + them + ". " + fix + " (docs/edge.md, Cutover)");
                }
            });
        }
        if (intent.publishesDnsRecords() && peerPublishes.orElse(false)
                && peerState.sslMode().filter(mode -> !mode.equals(intent.sslMode())).isPresent()) {
            out.add("stack '" + stack + "' would publish records with sslMode " + intent.sslMode() + " next to peer stack '"
                    + peer + "' with sslMode " + peerState.sslMode().get() + ": Cloudflare reaches both clusters' origins in "
                    + "the zone's one mode, so one of them would fail every request it gets. Set sslMode: "
                    + peerState.sslMode().get() + " here, or change it on both stacks before or after the cutover");
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

    /** Reads a peer's string output; empty when missing or not a string. */
    public static Optional<String> text(Object exported) {
        return exported instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    /** The hostnames of a peer's {@code publicUrls} output ({@code https://<host>}); empty when missing or malformed. */
    public static Optional<List<String>> hostnames(Object publicUrls) {
        if (!(publicUrls instanceof List<?> urls)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Object url : urls) {
            if (!(url instanceof String s) || !s.startsWith("https://")) {
                return Optional.empty();
            }
            out.add(s.substring("https://".length()));
        }
        return Optional.of(List.copyOf(out));
    }
}
