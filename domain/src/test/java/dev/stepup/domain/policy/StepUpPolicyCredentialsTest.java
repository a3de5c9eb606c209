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
import java.util.List;
import java.util.Optional;
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

  // ---- credentialFor: one answer for sending a code, a wallet challenge and the hosted page -----

  private static final List<VerificationMethod> CODES =
      List.of(VerificationMethod.EMAIL_OTP, VerificationMethod.SMS_OTP);

  @Test
  void aNamedCredentialOfAnotherMethodIsNotOfTheMethodAsked() {
    User user = alice(email("email", 1), externalWallet("outer", 2));

    assertThat(policy.credentialFor(defaults(), user, session(), CODES, Optional.of(id("outer"))))
        .isInstanceOf(CredentialChoice.NotOfMethod.class);
    assertThat(
            policy.credentialFor(
                defaults(), user, session(), CODES, Optional.of(id("somebody-elses"))))
        .isInstanceOf(CredentialChoice.NotOfMethod.class);
  }

  @Test
  void aNamedCredentialTheMethodVerifiesIsChosenUnlessThePolicyRefusesIt() {
    User user = alice(email("email", 1), phone("phone", 2), embeddedWallet("inner", 3));

    assertThat(policy.credentialFor(defaults(), user, session(), CODES, Optional.of(id("phone"))))
        .isEqualTo(new CredentialChoice.Chosen(user.credential(id("phone")).orElseThrow()));
    assertThat(
            policy.credentialFor(
                defaults(),
                user,
                session(),
                List.of(VerificationMethod.WALLET),
                Optional.of(id("inner"))))
        .isEqualTo(
            new CredentialChoice.Refused(
                VerificationPermission.Reason.EMBEDDED_WALLET_NOT_SUPPORTED));
  }

  @Test
  void withNoneNamedTheSignInCredentialIsChosenElseTheOldestEligible() {
    Credential phone = phone("phone", 2);
    User user = alice(email("email", 1), phone);

    assertThat(
            policy.credentialFor(
                defaults(), user, sessionSignedInWith(phone), CODES, Optional.empty()))
        .isEqualTo(new CredentialChoice.Chosen(phone));
    assertThat(policy.credentialFor(defaults(), user, session(), CODES, Optional.empty()))
        .isEqualTo(new CredentialChoice.Chosen(user.credential(id("email")).orElseThrow()));
  }

  @Test
  void withNothingEligibleTheFirstRefusalSaysWhy() {
    User mfa = alice(email("email", 1), totp("totp", 2));
    User embeddedOnly = alice(email("email", 1), embeddedWallet("inner", 2));

    assertThat(policy.credentialFor(defaults(), mfa, session(), CODES, Optional.empty()))
        .isEqualTo(new CredentialChoice.Refused(VerificationPermission.Reason.MFA_REQUIRED));
    assertThat(
            policy.credentialFor(
                defaults(),
                embeddedOnly,
                session(),
                List.of(VerificationMethod.WALLET),
                Optional.empty()))
        .isEqualTo(
            new CredentialChoice.Refused(
                VerificationPermission.Reason.EMBEDDED_WALLET_NOT_SUPPORTED));
  }

  @Test
  void aRequiredStepUpOffersTheNamedCredentialElseTheDefaultElseTheFirst() {
    Credential email = email("email", 1);
    Credential phone = phone("phone", 2);
    StepUpDecision.Required required =
        new StepUpDecision.Required(
            StepUpDecision.Path.REAUTH, List.of(email, phone), Optional.of(phone.id()));

    assertThat(required.credentialFor(Optional.of(email.id()))).contains(email);
    assertThat(required.credentialFor(Optional.of(id("not-listed")))).contains(phone);
    assertThat(required.credentialFor(Optional.empty())).contains(phone);
    assertThat(
            new StepUpDecision.Required(
                    StepUpDecision.Path.REAUTH, List.of(email, phone), Optional.empty())
                .credentialFor(Optional.empty()))
        .contains(email);
    assertThat(StepUpDecision.Required.withNoWayToVerify().credentialFor(Optional.of(email.id())))
        .isEmpty();
  }
}
