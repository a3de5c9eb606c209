package dev.stepup.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiweChallengeTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00.123Z");
  private static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

  private static SiweMessage message() {
    return new SiweMessage(
        "localhost:8080",
        ADDRESS,
        "Confirm it is you to export your wallet key (wallet:export).",
        "http://localhost:8080",
        1,
        "a1B2c3D4e5F6g7H8",
        NOW,
        NOW.plus(WalletChallenge.LIFETIME));
  }

  @Test
  void rendersTheEip4361Layout() {
    assertThat(message().render())
        .isEqualTo(
            """
            localhost:8080 wants you to sign in with your Ethereum account:
            0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed

            Confirm it is you to export your wallet key (wallet:export).

            URI: http://localhost:8080
            Version: 1
            Chain ID: 1
            Nonce: a1B2c3D4e5F6g7H8
            Issued At: 2026-11-24T10:00:00Z
            Expiration Time: 2026-11-24T10:05:00Z""");
  }

  @Test
  void refusesMalformedFields() {
    assertThatThrownBy(
            () ->
                new SiweMessage(
                    "evil.example/path",
                    ADDRESS,
                    "s",
                    "u",
                    1,
                    "abcdefgh1",
                    NOW,
                    NOW.plusSeconds(1)))
        .hasMessageContaining("domain");
    assertThatThrownBy(
            () ->
                new SiweMessage(
                    "localhost", "0x123", "s", "u", 1, "abcdefgh1", NOW, NOW.plusSeconds(1)))
        .hasMessageContaining("address");
    assertThatThrownBy(
            () ->
                new SiweMessage(
                    "localhost", ADDRESS, "s", "u", 1, "short", NOW, NOW.plusSeconds(1)))
        .hasMessageContaining("nonce");
    assertThatThrownBy(
            () ->
                new SiweMessage(
                    "localhost", ADDRESS, "a\nb", "u", 1, "abcdefgh1", NOW, NOW.plusSeconds(1)))
        .hasMessageContaining("one line");
    assertThatThrownBy(
            () -> new SiweMessage("localhost", ADDRESS, "s", "u", 1, "abcdefgh1", NOW, NOW))
        .hasMessageContaining("expire");
  }

  private static WalletChallenge challenge() {
    return WalletChallenge.issue(
        "wch_1",
        new EnvironmentId("demo"),
        new UserId("usr_1"),
        new SessionId("ses_1"),
        new CredentialId("cred_w"),
        message(),
        new WalletChallenge.Purpose.StepUp(Set.of()));
  }

  @Test
  void acceptsTheChallengedAddressInAnyCaseBeforeExpiry() {
    assertThat(challenge().verify(Optional.of(ADDRESS.toLowerCase()), NOW.plusSeconds(60)))
        .isEqualTo(WalletChallenge.Outcome.ACCEPTED);
  }

  @Test
  void refusesAnotherSignerOrNoSigner() {
    assertThat(challenge().verify(Optional.of("0x0000000000000000000000000000000000000001"), NOW))
        .isEqualTo(WalletChallenge.Outcome.WRONG_SIGNER);
    assertThat(challenge().verify(Optional.empty(), NOW))
        .isEqualTo(WalletChallenge.Outcome.WRONG_SIGNER);
  }

  @Test
  void expiresAfterFiveMinutes() {
    assertThat(challenge().verify(Optional.of(ADDRESS), NOW.plus(WalletChallenge.LIFETIME)))
        .isEqualTo(WalletChallenge.Outcome.EXPIRED);
  }

  @Test
  void aUsedChallengeIsRefused() {
    WalletChallenge c = challenge();
    WalletChallenge used =
        new WalletChallenge(
            c.id(),
            c.environmentId(),
            c.userId(),
            c.sessionId(),
            c.walletId(),
            c.address(),
            c.message(),
            c.issuedAt(),
            c.expiresAt(),
            NOW,
            c.purpose());
    assertThat(used.verify(Optional.of(ADDRESS), NOW))
        .isEqualTo(WalletChallenge.Outcome.ALREADY_USED);
    assertThat(used.belongsTo(new SessionId("ses_1"))).isTrue();
    assertThat(used.belongsTo(new SessionId("ses_2"))).isFalse();
  }

  @Test
  void aStepUpChallengeCoversOnlyTheScopesItsMessageNames() {
    var named = new WalletChallenge.Purpose.StepUp(Set.of(Scope.WALLET_SIGN));
    var generic = new WalletChallenge.Purpose.StepUp(Set.of());

    assertThat(named.covers(Set.of(Scope.WALLET_SIGN))).isTrue();
    assertThat(named.covers(Set.of(Scope.WALLET_SIGN, Scope.WALLET_EXPORT))).isFalse();
    assertThat(generic.covers(Set.of(Scope.WALLET_EXPORT))).isTrue();
  }
}
