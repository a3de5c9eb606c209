package dev.stepup.domain.credential;

import dev.stepup.domain.method.AuthenticationPath;
import dev.stepup.domain.method.VerificationMethod;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a user can verify with: an email address, a phone number, a linked social account, a
 * wallet, a passkey or a TOTP device.
 *
 * @param identifier what the credential names: an address, a phone number, a wallet address, a
 *     provider subject or an authenticator's credential id; never a secret
 * @param type refinement of the format, e.g. wallet {@code external}/{@code embedded} or OAuth
 *     provider {@code google}
 * @param alias a display name safe to show, e.g. a masked address or device name
 * @param signInEnabled whether the user may sign in with it (relevant to email and phone)
 * @param defaultMfa whether the user chose it as their default MFA device
 */
public record Credential(
    CredentialId id,
    CredentialFormat format,
    String identifier,
    Optional<String> type,
    Optional<String> alias,
    boolean signInEnabled,
    Instant createdAt,
    boolean defaultMfa) {

  public static final String WALLET_EXTERNAL = "external";
  public static final String WALLET_EMBEDDED = "embedded";

  public Credential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(createdAt, "createdAt");
    if (defaultMfa && !isMfaFormat(format)) {
      throw new IllegalArgumentException("only a passkey or TOTP device can be the default MFA");
    }
  }

  /** An email address the user proved (not for sign-in), shown masked. */
  public static Credential email(CredentialId id, String address, Instant createdAt) {
    return contact(id, CredentialFormat.EMAIL, address, false, createdAt);
  }

  /** A phone number the user proved (not for sign-in), shown masked. */
  public static Credential phone(CredentialId id, String number, Instant createdAt) {
    return contact(id, CredentialFormat.PHONE_NUMBER, number, false, createdAt);
  }

  /**
   * An email address or phone number, shown masked; {@code signIn} when the user signs in with it.
   *
   * @throws IllegalArgumentException for a format that is not a contact (email or phone)
   */
  public static Credential contact(
      CredentialId id,
      CredentialFormat format,
      String identifier,
      boolean signIn,
      Instant createdAt) {
    String alias = Masking.contact(format, identifier);
    return new Credential(
        id, format, identifier, Optional.empty(), Optional.of(alias), signIn, createdAt, false);
  }

  /** A wallet the user holds; its address is stored in lower case and shown shortened. */
  public static Credential externalWallet(CredentialId id, String address, Instant createdAt) {
    return wallet(id, address, WALLET_EXTERNAL, createdAt);
  }

  /** A wallet whose key the server holds for the user (the demo wallet). */
  public static Credential embeddedWallet(CredentialId id, String address, Instant createdAt) {
    return wallet(id, address, WALLET_EMBEDDED, createdAt);
  }

  /**
   * An account at a social login provider ({@code identifier} names provider and subject); its
   * alias is the masked email the provider gave, else "{@code <provider> account}".
   */
  public static Credential socialAccount(
      CredentialId id,
      String provider,
      String identifier,
      Optional<String> email,
      Instant createdAt) {
    return new Credential(
        id,
        CredentialFormat.OAUTH,
        identifier,
        Optional.of(provider),
        Optional.of(email.map(Masking::email).orElse(provider + " account")),
        false,
        createdAt,
        false);
  }

  private static Credential wallet(CredentialId id, String address, String type, Instant at) {
    return new Credential(
        id,
        CredentialFormat.BLOCKCHAIN,
        address.toLowerCase(Locale.ROOT),
        Optional.of(type),
        Optional.of(Masking.address(address)),
        false,
        at,
        false);
  }

  /** An authenticator app (TOTP) device; the device id names it. */
  public static Credential totp(CredentialId id, String alias, Instant createdAt) {
    return new Credential(
        id,
        CredentialFormat.TOTP,
        id.value(),
        Optional.empty(),
        Optional.of(alias),
        false,
        createdAt,
        false);
  }

  private static boolean isMfaFormat(CredentialFormat format) {
    return format.method().path() == AuthenticationPath.MFA;
  }

  /** The method that proves possession of this credential. */
  public VerificationMethod method() {
    return format.method();
  }

  /** A passkey or a TOTP device. */
  public boolean isMfa() {
    return isMfaFormat(format);
  }

  public boolean isEmbeddedWallet() {
    return format == CredentialFormat.BLOCKCHAIN
        && type.filter(WALLET_EMBEDDED::equals).isPresent();
  }

  /**
   * Whether this credential can re-authenticate a user without MFA: a sign-in email or phone, a
   * linked social account, or an external wallet. Embedded wallets never verify: the server holds
   * their key, so a signature proves nothing about the user.
   */
  public boolean isReauthCredential() {
    return switch (format) {
      case EMAIL, PHONE_NUMBER -> signInEnabled;
      case OAUTH -> true;
      case BLOCKCHAIN -> type.filter(WALLET_EXTERNAL::equals).isPresent();
      case PASSKEY, TOTP -> false;
    };
  }

  public Credential withDefaultMfa(boolean isDefault) {
    return new Credential(id, format, identifier, type, alias, signInEnabled, createdAt, isDefault);
  }
}
