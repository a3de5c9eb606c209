package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Passkeys} promises: the signature counter only moves by compare-and-set. */
public abstract class PasskeysContract extends PortContract {

  Passkeys passkeys;

  @BeforeEach
  void passkeys() {
    givenAlice();
    passkeys = stores.passkeys();
  }

  static Passkey passkey(String id, String webauthnId, long signCount, Instant createdAt) {
    return new Passkey(
        new CredentialId(id),
        new UserId("usr_alice"),
        webauthnId,
        "dXNyX2FsaWNl",
        new byte[] {1, 2, 3},
        signCount,
        "Laptop",
        createdAt);
  }

  @Test
  void passkeysRoundTripAndTheirCounterOnlyMovesByCompareAndSet() {
    Passkey key = passkey("cred_pk", "AbCd-_" + "x".repeat(40), 7, T0);
    passkeys.add(key);
    Passkey loaded = passkeys.findByWebauthnId(key.webauthnId()).orElseThrow();
    assertThat(loaded.publicKeyCose()).containsExactly(1, 2, 3);
    assertThat(loaded.signCount()).isEqualTo(7);
    assertThat(passkeys.forUser(new UserId("usr_alice"))).hasSize(1);
    assertThat(passkeys.advanceCounter(key.id(), 7, 8, T0)).isTrue();
    assertThat(passkeys.advanceCounter(key.id(), 7, 9, T0)).isFalse();
    assertThat(passkeys.findByWebauthnId(key.webauthnId()).orElseThrow().signCount()).isEqualTo(8);
    passkeys.delete(key.id());
    assertThat(passkeys.forUser(new UserId("usr_alice"))).isEmpty();
  }

  @Test
  void aUsersPasskeysAreListedOldestFirstAndUnknownOnesAreNotFound() {
    passkeys.add(passkey("cred_b", "webauthn-b", 0, T0));
    passkeys.add(passkey("cred_c", "webauthn-c", 0, T0.minusSeconds(1)));
    passkeys.add(passkey("cred_a", "webauthn-a", 0, T0));
    assertThat(passkeys.forUser(ALICE))
        .extracting(p -> p.id().value())
        .containsExactly("cred_c", "cred_a", "cred_b");
    assertThat(passkeys.findByWebauthnId("webauthn-none")).isEmpty();
    assertThat(passkeys.advanceCounter(new CredentialId("cred_none"), 0, 1, T0)).isFalse();
  }

  @Test
  void ofConcurrentAssertionsFromOneCounterExactlyOneAdvancesIt() throws Exception {
    passkeys.add(passkey("cred_pk", "webauthn-pk", 7, T0));
    CredentialId id = new CredentialId("cred_pk");
    assertThat(winnersOf(8, () -> passkeys.advanceCounter(id, 7, 8, T0))).isEqualTo(1);
  }
}
