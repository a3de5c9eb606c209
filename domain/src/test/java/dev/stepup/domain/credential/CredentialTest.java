package dev.stepup.domain.credential;

import static dev.stepup.domain.Fixtures.contactEmail;
import static dev.stepup.domain.Fixtures.contactPhone;
import static dev.stepup.domain.Fixtures.credential;
import static dev.stepup.domain.Fixtures.day;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.embeddedWallet;
import static dev.stepup.domain.Fixtures.externalWallet;
import static dev.stepup.domain.Fixtures.google;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.phone;
import static dev.stepup.domain.Fixtures.totp;
import static dev.stepup.domain.testdata.CredentialTestData.aCredential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.method.VerificationMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialTest {

  @Test
  void passkeyAndTotpAreMfa() {
    assertThat(passkey("pk", 1).isMfa()).isTrue();
    assertThat(totp("totp", 1).isMfa()).isTrue();
  }

  @Test
  void reauthFormatsAreNotMfa() {
    assertThat(email("e", 1).isMfa()).isFalse();
    assertThat(phone("p", 1).isMfa()).isFalse();
    assertThat(google("g", 1).isMfa()).isFalse();
    assertThat(externalWallet("w", 1).isMfa()).isFalse();
  }

  @Test
  void signInEmailReauthenticates() {
    assertThat(email("e", 1).isReauthCredential()).isTrue();
  }

  @Test
  void emailNotEnabledForSignInDoesNotReauthenticate() {
    assertThat(contactEmail("e", 1).isReauthCredential()).isFalse();
  }

  @Test
  void signInPhoneReauthenticates() {
    assertThat(phone("p", 1).isReauthCredential()).isTrue();
  }

  @Test
  void phoneNotEnabledForSignInDoesNotReauthenticate() {
    assertThat(contactPhone("p", 1).isReauthCredential()).isFalse();
  }

  @Test
  void linkedSocialAccountReauthenticatesWhateverItsSignInFlag() {
    assertThat(google("g", 1).isReauthCredential()).isTrue();
    assertThat(
            credential("g2", CredentialFormat.OAUTH, Optional.of("github"), true, 1)
                .isReauthCredential())
        .isTrue();
  }

  @Test
  void externalWalletReauthenticates() {
    Credential wallet = externalWallet("w", 1);

    assertThat(wallet.isReauthCredential()).isTrue();
    assertThat(wallet.isEmbeddedWallet()).isFalse();
  }

  @Test
  void embeddedWalletNeverReauthenticatesEvenWhenSignInEnabled() {
    Credential embedded = embeddedWallet("w", 1);
    Credential signInEmbedded =
        credential(
            "w2", CredentialFormat.BLOCKCHAIN, Optional.of(Credential.WALLET_EMBEDDED), true, 1);

    assertThat(embedded.isEmbeddedWallet()).isTrue();
    assertThat(embedded.isReauthCredential()).isFalse();
    assertThat(signInEmbedded.isReauthCredential()).isFalse();
  }

  @Test
  void walletOfUnknownProviderTypeDoesNotReauthenticate() {
    Credential untyped = credential("w", CredentialFormat.BLOCKCHAIN, Optional.empty(), true, 1);

    assertThat(untyped.isReauthCredential()).isFalse();
    assertThat(untyped.isEmbeddedWallet()).isFalse();
  }

  @Test
  void mfaDevicesAreNotReauthCredentials() {
    assertThat(passkey("pk", 1).isReauthCredential()).isFalse();
    assertThat(totp("t", 1).isReauthCredential()).isFalse();
  }

  @Test
  void onlyBlockchainCredentialsCanBeEmbeddedWallets() {
    Credential oddEmail =
        credential("e", CredentialFormat.EMAIL, Optional.of(Credential.WALLET_EMBEDDED), true, 1);

    assertThat(oddEmail.isEmbeddedWallet()).isFalse();
  }

  @ParameterizedTest(name = "{0} is verified by {1}")
  @CsvSource({
    "EMAIL, EMAIL_OTP",
    "PHONE_NUMBER, SMS_OTP",
    "OAUTH, SOCIAL",
    "BLOCKCHAIN, WALLET",
    "PASSKEY, PASSKEY",
    "TOTP, TOTP"
  })
  void eachFormatIsVerifiedByItsMethod(CredentialFormat format, VerificationMethod method) {
    assertThat(credential("c", format, Optional.empty(), true, 1).method()).isEqualTo(method);
  }

  @ParameterizedTest
  @CsvSource({
    "email, EMAIL",
    "phoneNumber, PHONE_NUMBER",
    "oauth, OAUTH",
    "blockchain, BLOCKCHAIN",
    "passkey, PASSKEY",
    "totp, TOTP"
  })
  void formatWireNamesMatchTheSdk(String wire, CredentialFormat format) {
    assertThat(CredentialFormat.fromWire(wire)).contains(format);
    assertThat(format.wire()).isEqualTo(wire);
    assertThat(format).hasToString(wire);
  }

  @Test
  void unknownFormatNameIsNotAFormat() {
    assertThat(CredentialFormat.fromWire("phone")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"PASSKEY", "TOTP"})
  void mfaDeviceCanBeTheDefaultMfa(CredentialFormat format) {
    Credential device =
        aCredential(format, "x").withId("c").withoutAlias().addedAt(day(1)).asDefaultMfa().build();

    assertThat(device.defaultMfa()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = CredentialFormat.class,
      names = {"EMAIL", "PHONE_NUMBER", "OAUTH", "BLOCKCHAIN"})
  void onlyAnMfaDeviceCanBeTheDefaultMfa(CredentialFormat format) {
    assertThatThrownBy(
            () ->
                aCredential(format, "x")
                    .withId("c")
                    .withoutAlias()
                    .signInEnabled(true)
                    .addedAt(day(1))
                    .asDefaultMfa()
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default MFA");
  }

  @Test
  void withDefaultMfaChangesOnlyTheDefaultFlag() {
    Credential device = totp("t", 3);

    Credential chosen = device.withDefaultMfa(true);

    assertThat(chosen.defaultMfa()).isTrue();
    assertThat(chosen).usingRecursiveComparison().ignoringFields("defaultMfa").isEqualTo(device);
    assertThat(chosen.withDefaultMfa(false)).isEqualTo(device);
  }

  @Test
  void withDefaultMfaOnAnEmailIsRefused() {
    assertThatThrownBy(() -> email("e", 1).withDefaultMfa(true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiredFieldsMustBePresent() {
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new Credential(
                    new CredentialId("c"),
                    null,
                    "x",
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    day(1),
                    false))
        .withMessage("format");
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new Credential(
                    new CredentialId("c"),
                    CredentialFormat.EMAIL,
                    "x",
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    null,
                    false))
        .withMessage("createdAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void credentialIdMustNotBeBlank(String blank) {
    assertThatThrownBy(() -> new CredentialId(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void credentialIdPrintsAsItsValue() {
    assertThat(new CredentialId("cred_123")).hasToString("cred_123");
  }
}
