package dev.stepup.domain.policy;

import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.contactEmail;
import static dev.stepup.domain.Fixtures.contactPhone;
import static dev.stepup.domain.Fixtures.credential;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.externalWallet;
import static dev.stepup.domain.Fixtures.google;
import static dev.stepup.domain.Fixtures.id;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.totp;
import static dev.stepup.domain.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.VerificationPermission.Permitted;
import dev.stepup.domain.policy.VerificationPermission.Reason;
import dev.stepup.domain.policy.VerificationPermission.Refused;
import dev.stepup.domain.user.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which verifications may count: {@code permitMethod} and {@code permitCredential}. */
class StepUpPolicyPermissionTest {

  private static final VerificationPermission PERMITTED = new Permitted();

  private final StepUpPolicy policy = new StepUpPolicy();
  private final StepUpSettings defaults = StepUpSettings.defaults();

  private static Refused refused(Reason reason) {
    return new Refused(reason);
  }

  /** A user with MFA: a passkey, plus every kind of re-auth credential. */
  private static User mfaUser() {
    return alice(
        email("email", 1),
        phone("phone", 2),
        externalWallet("wallet", 3),
        google("google", 4),
        passkey("pk", 5));
  }

  /** A user without MFA who holds every kind of re-auth credential. */
  private static User reauthUser() {
    return alice(
        email("email", 1), phone("phone", 2), externalWallet("wallet", 3), google("google", 4));
  }

  private static Credential credentialOf(User user, String id) {
    return user.credential(id(id)).orElseThrow();
  }

  // --- permitMethod ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(VerificationMethod.class)
  void methodTheEnvironmentDisabledIsRefused(VerificationMethod method) {
    StepUpSettings settings = without(method);

    assertThat(policy.permitMethod(settings, mfaUser(), method))
        .isEqualTo(refused(Reason.METHOD_DISABLED));
    assertThat(policy.permitMethod(settings, reauthUser(), method))
        .isEqualTo(refused(Reason.METHOD_DISABLED));
  }

  @ParameterizedTest
  @EnumSource(
      value = VerificationMethod.class,
      names = {"EMAIL_OTP", "SMS_OTP", "WALLET", "SOCIAL"})
  void reauthMethodIsRefusedAsMfaRequiredForAUserWithMfa(VerificationMethod method) {
    assertThat(policy.permitMethod(defaults, mfaUser(), method))
        .isEqualTo(refused(Reason.MFA_REQUIRED));
  }

  @ParameterizedTest
  @EnumSource(
      value = VerificationMethod.class,
      names = {"EMAIL_OTP", "SMS_OTP", "WALLET", "SOCIAL"})
  void reauthMethodIsPermittedForAUserWithoutMfa(VerificationMethod method) {
    assertThat(policy.permitMethod(defaults, reauthUser(), method)).isEqualTo(PERMITTED);
  }

  @Test
  void emailIsPermittedForATotpUserOnceTheEnvironmentDisablesTotp() {
    User user = alice(email("email", 1), totp("totp", 2));

    assertThat(policy.permitMethod(defaults, user, VerificationMethod.EMAIL_OTP))
        .isEqualTo(refused(Reason.MFA_REQUIRED));
    assertThat(
            policy.permitMethod(
                without(VerificationMethod.TOTP), user, VerificationMethod.EMAIL_OTP))
        .isEqualTo(PERMITTED);
  }

  @Test
  void mfaMethodOfADeviceTheUserHasIsPermitted() {
    User user = alice(email("email", 1), passkey("pk", 2), totp("totp", 3));

    assertThat(policy.permitMethod(defaults, user, VerificationMethod.PASSKEY))
        .isEqualTo(PERMITTED);
    assertThat(policy.permitMethod(defaults, user, VerificationMethod.TOTP)).isEqualTo(PERMITTED);
  }

  @Test
  void mfaMethodOfADeviceTheUserLacksIsRefused() {
    User passkeyOnly = alice(email("email", 1), passkey("pk", 2));

    assertThat(policy.permitMethod(defaults, passkeyOnly, VerificationMethod.TOTP))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
    assertThat(policy.permitMethod(defaults, reauthUser(), VerificationMethod.PASSKEY))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void recoveryCodeIsPermittedOnTheMfaPath() {
    assertThat(policy.permitMethod(defaults, mfaUser(), VerificationMethod.RECOVERY_CODE))
        .isEqualTo(PERMITTED);
  }

  @Test
  void recoveryCodeIsRefusedOnTheReauthPath() {
    assertThat(policy.permitMethod(defaults, reauthUser(), VerificationMethod.RECOVERY_CODE))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void recoveryCodeIsRefusedWhenTheUsersOnlyMfaMethodIsDisabled() {
    User user = alice(email("email", 1), totp("totp", 2));

    assertThat(
            policy.permitMethod(
                without(VerificationMethod.TOTP), user, VerificationMethod.RECOVERY_CODE))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void recoveryCodeIsRefusedWhenRecoveryCodesAreDisabled() {
    assertThat(
            policy.permitMethod(
                without(VerificationMethod.RECOVERY_CODE),
                mfaUser(),
                VerificationMethod.RECOVERY_CODE))
        .isEqualTo(refused(Reason.METHOD_DISABLED));
  }

  @Test
  void walletIsRefusedAsUnsupportedWhenTheUserHasOnlyAnEmbeddedWallet() {
    User user = alice(email("email", 1), embeddedWallet("embedded", 2));

    assertThat(policy.permitMethod(defaults, user, VerificationMethod.WALLET))
        .isEqualTo(refused(Reason.EMBEDDED_WALLET_NOT_SUPPORTED));
  }

  @Test
  void walletIsPermittedWhenTheUserAlsoHasAnExternalWallet() {
    User user = alice(embeddedWallet("embedded", 1), externalWallet("wallet", 2));

    assertThat(policy.permitMethod(defaults, user, VerificationMethod.WALLET)).isEqualTo(PERMITTED);
  }

  @Test
  void walletIsRefusedForAUserWithoutAnyWallet() {
    assertThat(policy.permitMethod(defaults, alice(email("email", 1)), VerificationMethod.WALLET))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void smsIsRefusedForAUserWithoutAPhone() {
    assertThat(policy.permitMethod(defaults, alice(email("email", 1)), VerificationMethod.SMS_OTP))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void emailIsRefusedForAUserWhoseOnlyEmailIsNotForSignIn() {
    User user = alice(contactEmail("contact", 1), phone("phone", 2));

    assertThat(policy.permitMethod(defaults, user, VerificationMethod.EMAIL_OTP))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void socialLoginIsRefusedForAUserWithoutALinkedAccount() {
    assertThat(policy.permitMethod(defaults, alice(email("email", 1)), VerificationMethod.SOCIAL))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  // --- permitCredential ------------------------------------------------------------------------

  @Test
  void mfaUsersPasskeyIsPermitted() {
    User user = mfaUser();

    assertThat(policy.permitCredential(defaults, user, credentialOf(user, "pk")))
        .isEqualTo(PERMITTED);
  }

  @Test
  void mfaUsersEmailIsRefusedAsMfaRequired() {
    User user = mfaUser();

    assertThat(policy.permitCredential(defaults, user, credentialOf(user, "email")))
        .isEqualTo(refused(Reason.MFA_REQUIRED));
    assertThat(policy.permitCredential(defaults, user, credentialOf(user, "wallet")))
        .isEqualTo(refused(Reason.MFA_REQUIRED));
  }

  @Test
  void reauthUsersSignInCredentialsArePermitted() {
    User user = reauthUser();

    for (String id : new String[] {"email", "phone", "wallet", "google"}) {
      assertThat(policy.permitCredential(defaults, user, credentialOf(user, id)))
          .as(id)
          .isEqualTo(PERMITTED);
    }
  }

  @Test
  void credentialWhoseMethodIsDisabledIsRefused() {
    User user = reauthUser();

    assertThat(
            policy.permitCredential(
                without(VerificationMethod.SMS_OTP), user, credentialOf(user, "phone")))
        .isEqualTo(refused(Reason.METHOD_DISABLED));
  }

  @Test
  void embeddedWalletIsRefusedAsUnsupported() {
    Credential embedded = embeddedWallet("embedded", 2);
    User user = alice(email("email", 1), embedded, externalWallet("wallet", 3));

    assertThat(policy.permitCredential(defaults, user, embedded))
        .isEqualTo(refused(Reason.EMBEDDED_WALLET_NOT_SUPPORTED));
  }

  @Test
  void credentialTheUserDoesNotHaveIsRefused() {
    User user = reauthUser();

    assertThat(policy.permitCredential(defaults, user, email("someone-elses", 1)))
        .isEqualTo(refused(Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  @Test
  void emailNotEnabledForSignInIsRefusedAsNotEligibleBesideASignInEmail() {
    Credential contact = contactEmail("contact", 2);
    User user = alice(email("email", 1), contact);

    assertThat(policy.permitCredential(defaults, user, contact))
        .isEqualTo(refused(Reason.CREDENTIAL_NOT_ELIGIBLE));
  }

  @Test
  void emailNotEnabledForSignInIsRefusedAsNotEligibleWhenItIsTheUsersOnlyEmail() {
    Credential contact = contactEmail("contact", 1);
    User user = alice(contact, phone("phone", 2));

    assertThat(policy.permitCredential(defaults, user, contact))
        .isEqualTo(refused(Reason.CREDENTIAL_NOT_ELIGIBLE));
  }

  @Test
  void phoneNotEnabledForSignInIsRefusedAsNotEligible() {
    Credential contact = contactPhone("contact", 1);
    User user = alice(email("email", 1), contact);

    assertThat(policy.permitCredential(defaults, user, contact))
        .isEqualTo(refused(Reason.CREDENTIAL_NOT_ELIGIBLE));
  }

  @Test
  void walletOfUnknownTypeIsRefusedAsNotEligible() {
    Credential untyped =
        credential("untyped", CredentialFormat.BLOCKCHAIN, Optional.empty(), true, 1);
    User user = alice(email("email", 1), untyped);

    assertThat(policy.permitCredential(defaults, user, untyped))
        .isEqualTo(refused(Reason.CREDENTIAL_NOT_ELIGIBLE));
  }

  @Test
  void mfaUsersIneligibleEmailIsStillRefusedAsMfaRequired() {
    Credential contact = contactEmail("contact", 1);
    User user = alice(contact, totp("totp", 2));

    assertThat(policy.permitCredential(defaults, user, contact))
        .isEqualTo(refused(Reason.MFA_REQUIRED));
  }

  @Test
  void totpDeviceWhoseMethodIsDisabledIsRefused() {
    User user = alice(email("email", 1), totp("totp", 2));

    assertThat(
            policy.permitCredential(
                without(VerificationMethod.TOTP), user, credentialOf(user, "totp")))
        .isEqualTo(refused(Reason.METHOD_DISABLED));
  }
}
