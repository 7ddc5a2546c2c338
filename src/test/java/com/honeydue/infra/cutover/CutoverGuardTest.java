package com.honeydue.infra.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.cutover.CutoverGuard.Intent;
import com.honeydue.infra.cutover.CutoverGuard.PeerState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutoverGuardTest {
    private static final List<String> OVH_HOSTS = List.of("api.myhoneydue.com", "app.myhoneydue.com", "admin.myhoneydue.com",
            "myhoneydue.com");
    private static final List<String> PROD_HOSTS = List.of("api.myhoneydue.com", "admin.myhoneydue.com", "myhoneydue.com");

    /** This stack's intent, with the same hostnames as its peer unless a test says otherwise. */
    private static Intent intent(boolean worker, boolean owns, boolean join) {
        return new Intent(worker, owns, join, "flexible", PROD_HOSTS);
    }

    /** A peer of the first guard's format: only workerActive and ownsPublicDns. */
    private static PeerState peer(Boolean worker, Boolean dns) {
        return PeerState.flags(Optional.ofNullable(worker), Optional.ofNullable(dns));
    }

    /** A peer that exports everything this program exports. */
    private static PeerState peer(boolean worker, boolean owns, boolean join, String ssl, List<String> hosts) {
        return new PeerState(Optional.of(worker), Optional.of(owns), Optional.of(join), Optional.of(ssl), Optional.of(hosts));
    }

    @Test
    void bothWorkersIsRefusedWithTheFixInTheMessage() {
        assertThat(CutoverGuard.violations("ovh", "prod", intent(true, true, false), peer(true, false)))
                .singleElement().asString().contains("fire every cron twice", "workerActive: false on 'prod'");
    }

    @Test
    void bothOwningDnsIsRefusedAndTheMessageSaysHowToHandOverWithoutAGap() {
        assertThat(CutoverGuard.violations("ovh", "prod", intent(false, true, false), peer(false, true)))
                .singleElement().asString().contains("ownsPublicDns: false on 'prod'", "dnsJoin: true");
        // Still refused when the stack that wants to own had joined before: the owner has not let go yet.
        assertThat(CutoverGuard.violations("ovh", "prod", intent(false, true, false),
                peer(false, true, false, "flexible", PROD_HOSTS))).singleElement().asString().contains("owns it too");
    }

    @Test
    void joiningWhileThePeerOwnsIsAllowed() {
        assertThat(CutoverGuard.violations("ovh", "prod", intent(false, false, true),
                peer(true, true, false, "flexible", PROD_HOSTS))).isEmpty();
        // ...and the owner may keep applying (e.g. its worker swap) while the peer is joined.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(false, true, false),
                peer(false, false, true, "flexible", PROD_HOSTS))).isEmpty();
    }

    @Test
    void theDocumentedSequencePassesAtEveryStep() {
        // Start: prod serves (worker + DNS); ovh is built and idle. Every step is checked from the side that applies it.
        // 1. ovh joins: workerActive false, ownsPublicDns false, dnsJoin true.
        assertThat(CutoverGuard.violations("ovh", "prod", intent(false, false, true),
                peer(true, true, false, "flexible", PROD_HOSTS))).isEmpty();
        // 2. prod lets go of the DNS; ovh's records remain for every hostname.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(true, false, false),
                peer(false, false, true, "flexible", PROD_HOSTS))).isEmpty();
        // 3. the worker swap, back to back: prod stops its worker, then ovh starts its own.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(false, false, false),
                peer(false, false, true, "flexible", PROD_HOSTS))).isEmpty();
        assertThat(CutoverGuard.violations("ovh", "prod", intent(true, false, true),
                peer(false, false, false, "flexible", PROD_HOSTS))).isEmpty();
        // 4. ovh takes over the DNS: ownsPublicDns true, dnsJoin false.
        assertThat(CutoverGuard.violations("ovh", "prod", intent(true, true, false),
                peer(false, false, false, "flexible", PROD_HOSTS))).isEmpty();
        // Starting ovh's worker before prod stopped its own is caught.
        assertThat(CutoverGuard.violations("ovh", "prod", intent(true, false, true),
                peer(true, false, false, "flexible", PROD_HOSTS))).singleElement().asString().contains("cron twice");
    }

    @Test
    void lettingGoOfTheDnsBeforeThePeerJoinedIsRefused() {
        // prod owns; ovh never joined; prod's ownsPublicDns: false would delete the only records.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(true, false, false),
                peer(false, false, false, "flexible", OVH_HOSTS))).singleElement().asString()
                .contains("publishes none at all", "api.myhoneydue.com, admin.myhoneydue.com, myhoneydue.com",
                        "left without a record", "dnsJoin: true");
    }

    @Test
    void aHostnameOnlyTheOldStackServesCannotLoseItsRecords() {
        // ovh (4 hostnames) hands over to prod (3): app.myhoneydue.com would have no record once ovh lets go.
        var ovhLetsGo = new Intent(true, false, false, "flexible", OVH_HOSTS);
        assertThat(CutoverGuard.violations("ovh", "prod", ovhLetsGo, peer(false, false, true, "flexible", PROD_HOSTS)))
                .singleElement().asString().contains("publishes none for app.myhoneydue.com", "Add it to publicHostnames",
                        "on 'prod'");
        assertThat(CutoverGuard.violations("ovh", "prod", ovhLetsGo, peer(false, false, true, "flexible", OVH_HOSTS))).isEmpty();
    }

    @Test
    void aRetiredStackIsNotRefusedWhileThePeerPublishesItsHostnames() {
        // The steady state after a cutover: prod neither owns nor joins, ovh owns all of prod's hostnames and more.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(false, false, false),
                peer(true, true, false, "flexible", OVH_HOSTS))).isEmpty();
    }

    @Test
    void publishingNextToThePeerInAnotherSslModeIsRefused() {
        var strictJoiner = new Intent(false, false, true, "strict", PROD_HOSTS);
        assertThat(CutoverGuard.violations("ovh", "prod", strictJoiner, peer(true, true, false, "flexible", PROD_HOSTS)))
                .singleElement().asString().contains("sslMode strict", "sslMode flexible", "Set sslMode: flexible here");
        // A peer that publishes nothing does not constrain the mode.
        assertThat(CutoverGuard.violations("ovh", "prod", new Intent(false, true, false, "strict", PROD_HOSTS),
                peer(false, false, false, "flexible", PROD_HOSTS))).isEmpty();
    }

    @Test
    void unknownPeerStateIsNotAConflict() {
        assertThat(CutoverGuard.violations("ovh", "prod", intent(true, true, false), peer(null, null))).isEmpty();
        assertThat(CutoverGuard.violations("ovh", "prod", intent(false, false, false), peer(null, null))).isEmpty();
        // A peer of the first guard's format that owns the DNS exports no hostnames: no gap can be shown.
        assertThat(CutoverGuard.violations("prod", "ovh", intent(false, false, false), peer(false, true))).isEmpty();
        assertThat(CutoverGuard.flag("true")).contains(true);
        assertThat(CutoverGuard.flag(Boolean.FALSE)).contains(false);
        assertThat(CutoverGuard.flag(null)).isEmpty();
        assertThat(CutoverGuard.hostnames(List.of("https://api.myhoneydue.com", "https://myhoneydue.com")))
                .contains(List.of("api.myhoneydue.com", "myhoneydue.com"));
        assertThat(CutoverGuard.hostnames(List.of("api.myhoneydue.com"))).isEmpty();
        assertThat(CutoverGuard.hostnames(null)).isEmpty();
        assertThat(CutoverGuard.text("strict")).contains("strict");
        assertThat(CutoverGuard.text(7)).isEmpty();
    }
}
