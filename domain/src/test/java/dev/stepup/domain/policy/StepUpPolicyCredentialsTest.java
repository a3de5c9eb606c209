package dev.stepup.domain.policy;

import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.defaults;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.externalWallet;
import static dev.stepup.domain.Fixtures.id;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.session;
import static dev.stepup.domain.Fixtures.sessionSignedInWith;
import static dev.stepup.domain.Fixtures.totp;
import static dev.stepup.domain.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.User;
import org.junit.jupiter.api.Test;

/** Which credential a method verifies with: the policy answers it once for every caller. */
class StepUpPolicyCredentialsTest {

  private final StepUpPolicy policy = new StepUpPolicy();

  @Test
  void aPasskeyAssertionCountsOnlyForAPasskeyTheUserStillHolds() {
    User user = alice(email("email", 1), passkey("pk1", 2), passkey("pk2", 3));
    user.remove(id("pk1"));

    assertThat(policy.credentialsFor(defaults(), user, VerificationMethod.PASSKEY))
        .extracting(Credential::id)
        .containsExactly(id("pk2"));
  }

  @Test
  void aUserWhoRemovedTheirOnlyPasskeyHasNothingAPasskeyVerifies() {
    User user = alice(email("email", 1), passkey("pk", 2));
    user.remove(id("pk"));

    assertThat(policy.credentialsFor(defaults(), user, VerificationMethod.PASSKEY)).isEmpty();
  }

  @Test
  void aDisabledMethodVerifiesNothing() {
    User user = alice(email("email", 1), passkey("pk", 2));

    assertThat(
            policy.credentialsFor(
                without(VerificationMethod.PASSKEY), user, VerificationMethod.PASSKEY))
        .isEmpty();
  }

  @Test
  void anMfaUsersEmailVerifiesNothing() {
    User user = alice(email("email", 1), totp("totp", 2));

    assertThat(policy.credentialsFor(defaults(), user, VerificationMethod.EMAIL_OTP)).isEmpty();
  }

  @Test
  void anEmbeddedWalletNeverVerifies() {
    User user = alice(email("email", 1), embeddedWallet("inner", 2), externalWallet("outer", 3));

    assertThat(policy.credentialsFor(defaults(), user, VerificationMethod.WALLET))
        .extracting(Credential::id)
        .containsExactly(id("outer"));
  }

  @Test
  void theSessionsSignInCredentialIsPreferredElseTheOldest() {
    Credential phone = phone("phone", 2);
    User user = alice(email("email", 1), phone);

    assertThat(
            policy.preferredCredential(
                defaults(), user, sessionSignedInWith(phone), VerificationMethod.SMS_OTP))
        .map(Credential::id)
        .contains(id("phone"));
    assertThat(
            policy.preferredCredential(
                defaults(), user, sessionSignedInWith(phone), VerificationMethod.EMAIL_OTP))
        .map(Credential::id)
        .contains(id("email"));
    assertThat(policy.preferredCredential(defaults(), user, session(), VerificationMethod.PASSKEY))
        .isEmpty();
  }

  @Test
  void theDefaultMfaOfTheDecisionIsTheUsersDefaultAmongEnabledDevices() {
    User user = alice(email("email", 1), passkey("pk", 2), totp("totp", 3));
    user.chooseDefaultMfa(id("pk"));

    assertThat(
            user.defaultMfaDevice(c -> without(VerificationMethod.PASSKEY).isEnabled(c.method())))
        .map(Credential::id)
        .contains(id("totp"));
  }
}
