package dev.stepup.domain.user;

import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.id;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.totp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.user.CredentialRemoval.Reason;
import dev.stepup.domain.user.CredentialRemoval.Refused;
import dev.stepup.domain.user.CredentialRemoval.Removed;
import org.junit.jupiter.api.Test;

/** What a user may remove, and what goes with it: written once, here. */
class CredentialRemovalTest {

  @Test
  void removingAPasskeyTakesItsWebAuthnRecordWithIt() {
    User user = alice(email("email", 1), passkey("pk", 2), totp("totp", 3));

    CredentialRemoval removal = user.remove(id("pk"));

    assertThat(removal).isInstanceOf(Removed.class);
    Removed removed = (Removed) removal;
    assertThat(removed.passkeyRecordGoes()).isTrue();
    assertThat(removed.totpDeviceGoes()).isFalse();
    assertThat(removed.recoveryCodesGo()).isFalse();
    assertThat(removed.wasMfaDevice()).isTrue();
    assertThat(user.credential(id("pk"))).isEmpty();
  }

  @Test
  void removingTheLastMfaDeviceTakesTheRecoveryCodesWithIt() {
    User user = alice(email("email", 1), totp("totp", 3));

    Removed removed = (Removed) user.remove(id("totp"));

    assertThat(removed.totpDeviceGoes()).isTrue();
    assertThat(removed.passkeyRecordGoes()).isFalse();
    assertThat(removed.recoveryCodesGo()).isTrue();
    assertThat(user.hasMfa()).isFalse();
  }

  @Test
  void removingAnEmailTakesNothingElse() {
    User user = alice(email("email", 1), phone("phone", 2), passkey("pk", 3));

    Removed removed = (Removed) user.remove(id("phone"));

    assertThat(removed.passkeyRecordGoes()).isFalse();
    assertThat(removed.totpDeviceGoes()).isFalse();
    assertThat(removed.recoveryCodesGo()).isFalse();
    assertThat(removed.wasMfaDevice()).isFalse();
  }

  @Test
  void theOnlyCredentialIsNeverRemoved() {
    User user = alice(email("email", 1));

    assertThat(user.remove(id("email"))).isEqualTo(new Refused(Reason.LAST_CREDENTIAL));
    assertThat(user.mayRemove(id("email"))).isFalse();
    assertThat(user.credentials()).hasSize(1);
  }

  @Test
  void theEmbeddedWalletIsNeverRemoved() {
    User user = alice(email("email", 1), embeddedWallet("wallet", 2));

    assertThat(user.remove(id("wallet"))).isEqualTo(new Refused(Reason.EMBEDDED_WALLET));
    assertThat(user.mayRemove(id("wallet"))).isFalse();
    assertThat(user.mayRemove(id("email"))).isTrue();
    assertThat(user.credentials()).hasSize(2);
  }

  @Test
  void someoneElsesCredentialIsUnknown() {
    User user = alice(email("email", 1), phone("phone", 2));

    assertThat(user.remove(id("elsewhere"))).isEqualTo(new Refused(Reason.UNKNOWN_CREDENTIAL));
    assertThat(user.credentials()).hasSize(2);
  }

  @Test
  void judgingARemovalChangesNothing() {
    User user = alice(email("email", 1), passkey("pk", 2));

    assertThat(user.judgeRemoval(id("pk"))).isInstanceOf(Removed.class);
    assertThat(user.credential(id("pk"))).isPresent();
  }

  @Test
  void theDefaultMfaDeviceIsTheChosenOneElseTheNewest() {
    User user = alice(email("email", 1), passkey("pk", 2), totp("totp", 3));

    assertThat(user.defaultMfaDevice()).map(Credential::id).contains(id("totp"));
    user.chooseDefaultMfa(id("pk"));
    assertThat(user.defaultMfaDevice()).map(Credential::id).contains(id("pk"));
    // A chosen device that cannot be used yields to the newest usable one.
    assertThat(user.defaultMfaDevice(c -> !c.id().equals(id("pk"))))
        .map(Credential::id)
        .contains(id("totp"));
  }

  @Test
  void aUserWithoutMfaHasNoDefaultDevice() {
    assertThat(alice(email("email", 1)).defaultMfaDevice()).isEmpty();
    assertThat(alice(email("email", 1), passkey("pk", 2)).mfaDevice(id("email"))).isEmpty();
  }
}
