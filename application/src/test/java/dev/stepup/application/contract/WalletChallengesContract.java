package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import dev.stepup.domain.wallet.SiweMessage;
import dev.stepup.domain.wallet.WalletChallenge;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link WalletChallenges} promises: a challenge round-trips and is used once. */
public abstract class WalletChallengesContract extends PortContract {

  static WalletChallenge challenge() {
    return challenge(
        "wch_1",
        new WalletChallenge.Purpose.StepUp(Set.of(Scope.WALLET_SIGN, Scope.WALLET_EXPORT)));
  }

  static WalletChallenge challenge(String id, WalletChallenge.Purpose purpose) {
    return WalletChallenge.issue(
        id,
        ENV,
        new UserId("usr_1"),
        new SessionId("ses_1"),
        new CredentialId("cred_w"),
        new SiweMessage(
            "localhost:8080",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "Confirm it is you.",
            "http://localhost:8080",
            1,
            "abcdefgh12",
            T0,
            T0.plusSeconds(300)),
        purpose);
  }

  @Test
  void walletChallengeRoundTripsAndIsUsedOnce() {
    WalletChallenges walletChallenges = stores.walletChallenges();
    WalletChallenge challenge = challenge();
    walletChallenges.add(challenge);
    WalletChallenge loaded = walletChallenges.find("wch_1").orElseThrow();
    assertThat(loaded.message()).isEqualTo(challenge.message());
    assertThat(loaded.address()).isEqualTo(challenge.address());
    assertThat(loaded.expiresAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(loaded.usedAt()).isEmpty();
    assertThat(loaded.purpose()).isEqualTo(challenge.purpose());
    assertThat(walletChallenges.markUsed("wch_1", T0.plusSeconds(5))).isTrue();
    assertThat(walletChallenges.markUsed("wch_1", T0.plusSeconds(6))).isFalse();
    assertThat(walletChallenges.find("wch_1").orElseThrow().usedAt()).contains(T0.plusSeconds(5));
    assertThat(walletChallenges.markUsed("wch_none", T0.plusSeconds(6))).isFalse();
    walletChallenges.deleteExpiredBefore(T0.plusSeconds(301));
    assertThat(walletChallenges.find("wch_1")).isEmpty();
  }

  @Test
  void aLinkChallengeKeepsItsPurpose() {
    WalletChallenges walletChallenges = stores.walletChallenges();
    walletChallenges.add(challenge("wch_2", new WalletChallenge.Purpose.Link()));
    assertThat(walletChallenges.find("wch_2").orElseThrow().purpose())
        .isInstanceOf(WalletChallenge.Purpose.Link.class);
  }

  @Test
  void ofConcurrentSignaturesExactlyOneUsesTheChallenge() throws Exception {
    WalletChallenges walletChallenges = stores.walletChallenges();
    walletChallenges.add(challenge());
    assertThat(winnersOf(8, () -> walletChallenges.markUsed("wch_1", T0.plusSeconds(5))))
        .isEqualTo(1);
  }
}
