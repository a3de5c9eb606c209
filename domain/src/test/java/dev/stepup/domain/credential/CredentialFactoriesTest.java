package dev.stepup.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials are built with their display alias by the domain, never by hand in a service. */
class CredentialFactoriesTest {

  private static final CredentialId ID = new CredentialId("cred_1");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aProvedEmailIsShownMaskedAndIsNotForSignIn() {
    Credential email = Credential.email(ID, "ann@example.com", NOW);

    assertThat(email.format()).isEqualTo(CredentialFormat.EMAIL);
    assertThat(email.identifier()).isEqualTo("ann@example.com");
    assertThat(email.alias()).contains("a••••@example.com");
    assertThat(email.signInEnabled()).isFalse();
    assertThat(email.isReauthCredential()).isFalse();
  }

  @Test
  void aSignInPhoneIsShownMaskedAndReauthenticates() {
    Credential phone =
        Credential.contact(ID, CredentialFormat.PHONE_NUMBER, "+14155550123", true, NOW);

    assertThat(phone.alias()).contains("+1••••••0123");
    assertThat(phone.signInEnabled()).isTrue();
    assertThat(phone.isReauthCredential()).isTrue();
    assertThat(Credential.phone(ID, "+14155550123", NOW).signInEnabled()).isFalse();
  }

  @Test
  void onlyAnEmailOrAPhoneIsAContact() {
    assertThatThrownBy(
            () -> Credential.contact(ID, CredentialFormat.BLOCKCHAIN, "0xabc", false, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a contact");
  }

  @Test
  void aWalletIsStoredInLowerCaseAndShownShortenedAsTyped() {
    String address = "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01";

    Credential external = Credential.externalWallet(ID, address, NOW);
    Credential embedded = Credential.embeddedWallet(ID, address, NOW);

    assertThat(external.identifier()).isEqualTo(address.toLowerCase());
    assertThat(external.alias()).contains("0xAbCd…Ef01");
    assertThat(external.type()).contains(Credential.WALLET_EXTERNAL);
    assertThat(external.isReauthCredential()).isTrue();
    assertThat(embedded.type()).contains(Credential.WALLET_EMBEDDED);
    assertThat(embedded.isEmbeddedWallet()).isTrue();
    assertThat(embedded.isReauthCredential()).isFalse();
  }

  @Test
  void anAuthenticatorAppIsNamedByItsIdAndIsMfaButNotTheDefault() {
    Credential app = Credential.totp(ID, "Phone", NOW);

    assertThat(app.identifier()).isEqualTo(ID.value());
    assertThat(app.alias()).isEqualTo(Optional.of("Phone"));
    assertThat(app.isMfa()).isTrue();
    assertThat(app.defaultMfa()).isFalse();
  }

  @Test
  void masksHideAllButTheEdgesOfShortAndOddValuesToo() {
    assertThat(Masking.email("no-at-sign")).isEqualTo("••••");
    assertThat(Masking.phone("+1234")).isEqualTo("••••");
    assertThat(Masking.address("0x1234")).isEqualTo("0x1234");
  }

  @Test
  void aSocialAccountIsNamedByTheMaskedEmailItGaveElseByItsProvider() {
    Credential withEmail =
        Credential.socialAccount(ID, "google", "google:123", Optional.of("ann@example.com"), NOW);
    Credential without =
        Credential.socialAccount(ID, "google", "google:123", Optional.empty(), NOW);

    assertThat(withEmail.format()).isEqualTo(CredentialFormat.OAUTH);
    assertThat(withEmail.type()).contains("google");
    assertThat(withEmail.alias().orElseThrow()).doesNotContain("ann@example.com").contains("@");
    assertThat(without.alias()).contains("google account");
    assertThat(withEmail.signInEnabled()).isFalse();
  }
}
