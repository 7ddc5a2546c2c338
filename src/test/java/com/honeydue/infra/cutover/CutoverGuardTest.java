package com.honeydue.infra.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.honeydue.infra.cutover.CutoverGuard.PeerState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutoverGuardTest {
    private static PeerState peer(Boolean worker, Boolean dns) {
        return new PeerState(Optional.ofNullable(worker), Optional.ofNullable(dns));
    }

    @Test
    void bothWorkersIsRefusedWithTheFixInTheMessage() {
        assertThat(CutoverGuard.violations("ovh", "prod", true, false, peer(true, false)))
                .singleElement().asString().contains("fire every cron twice", "workerActive: false on 'prod'");
    }

    @Test
    void bothOwningDnsIsRefused() {
        assertThat(CutoverGuard.violations("ovh", "prod", false, true, peer(false, true)))
                .singleElement().asString().contains("ownsPublicDns: false on 'prod'");
    }

    @Test
    void theDocumentedSequencePassesAtEveryStep() {
        // Start: prod serves (worker + DNS), ovh is built but idle.
        assertThat(CutoverGuard.violations("ovh", "prod", false, false, peer(true, true))).isEmpty();
        // 1. prod: workerActive false (pulumi up on prod; its peer ovh runs no worker).
        assertThat(CutoverGuard.violations("prod", "ovh", false, true, peer(false, false))).isEmpty();
        // 2. prod: ownsPublicDns false.
        assertThat(CutoverGuard.violations("prod", "ovh", false, false, peer(false, false))).isEmpty();
        // 3. ovh: ownsPublicDns true and workerActive true, back-to-back.
        assertThat(CutoverGuard.violations("ovh", "prod", true, true, peer(false, false))).isEmpty();
        // Skipping step 1 is caught.
        assertThat(CutoverGuard.violations("ovh", "prod", true, true, peer(true, false))).hasSize(1);
    }

    @Test
    void unknownPeerStateIsNotAConflict() {
        assertThat(CutoverGuard.violations("ovh", "prod", true, true, peer(null, null))).isEmpty();
        assertThat(CutoverGuard.flag("true")).contains(true);
        assertThat(CutoverGuard.flag(Boolean.FALSE)).contains(false);
        assertThat(CutoverGuard.flag(null)).isEmpty();
    }
}
