package dev.stepup.domain.testdata;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders of credentials for tests in every module: {@code anEmail("ann@example.com").build()},
 * {@code aTotpDevice().withId("cred_totp").asDefaultMfa().build()}. Unless told otherwise a
 * credential gets a fresh id, the alias {@code alias-<id>} and is added at {@link #ADDED} (or,
 * inside {@link UserTestData}, when its user was created).
 */
public final class CredentialTestData {

  /** When a credential is added unless the test says otherwise. */
  public static final Instant ADDED = Instant.parse("2026-11-24T10:00:00Z");

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private CredentialTestData() {}

  /** A sign-in-enabled email address. */
  public static CredentialBuilder anEmail(String address) {
    return new CredentialBuilder(CredentialFormat.EMAIL, address).signInEnabled(true);
  }

  /** A sign-in-enabled phone number. */
  public static CredentialBuilder aPhone(String number) {
    return new CredentialBuilder(CredentialFormat.PHONE_NUMBER, number).signInEnabled(true);
  }

  /** A wallet the user holds the key of. */
  public static CredentialBuilder anExternalWallet(String address) {
    return new CredentialBuilder(CredentialFormat.BLOCKCHAIN, address)
        .ofType(Credential.WALLET_EXTERNAL);
  }

  /** A wallet whose key the server holds. */
  public static CredentialBuilder anEmbeddedWallet(String address) {
    return new CredentialBuilder(CredentialFormat.BLOCKCHAIN, address)
        .ofType(Credential.WALLET_EMBEDDED);
  }

  /** A linked Google account with this subject. */
  public static CredentialBuilder aGoogleAccount(String subject) {
    return new CredentialBuilder(CredentialFormat.OAUTH, subject).ofType("google");
  }

  /** A passkey; its identifier is its id unless told otherwise. */
  public static CredentialBuilder aPasskey() {
    return new CredentialBuilder(CredentialFormat.PASSKEY, null);
  }

  /** An authenticator app; its identifier is its id unless told otherwise. */
  public static CredentialBuilder aTotpDevice() {
    return new CredentialBuilder(CredentialFormat.TOTP, null);
  }

  /** A credential of any format naming {@code identifier}, not sign-in enabled. */
  public static CredentialBuilder aCredential(CredentialFormat format, String identifier) {
    return new CredentialBuilder(format, identifier);
  }

  /** A credential under construction; every setter answers the builder. */
  public static final class CredentialBuilder {
    private final CredentialFormat format;
    private String id;
    private String identifier;
    private Optional<String> type = Optional.empty();
    private Optional<String> alias;
    private boolean signInEnabled;
    private Instant addedAt;
    private boolean defaultMfa;

    CredentialBuilder(CredentialFormat format, String identifier) {
      this.format = Objects.requireNonNull(format, "format");
      this.identifier = identifier;
    }

    public CredentialBuilder withId(String id) {
      this.id = id;
      return this;
    }

    public CredentialBuilder identifiedBy(String identifier) {
      this.identifier = identifier;
      return this;
    }

    public CredentialBuilder ofType(String type) {
      this.type = Optional.of(type);
      return this;
    }

    public CredentialBuilder withoutType() {
      this.type = Optional.empty();
      return this;
    }

    public CredentialBuilder aliased(String alias) {
      this.alias = Optional.of(alias);
      return this;
    }

    public CredentialBuilder withoutAlias() {
      this.alias = Optional.empty();
      return this;
    }

    public CredentialBuilder signInEnabled(boolean enabled) {
      this.signInEnabled = enabled;
      return this;
    }

    /** An address kept for contact only: the user may not sign in with it. */
    public CredentialBuilder contactOnly() {
      return signInEnabled(false);
    }

    public CredentialBuilder addedAt(Instant at) {
      this.addedAt = at;
      return this;
    }

    public CredentialBuilder asDefaultMfa() {
      this.defaultMfa = true;
      return this;
    }

    /** The id this credential will have (drawn now when none was given). */
    public String id() {
      if (id == null) {
        id =
            "cred_"
                + format.name().toLowerCase(java.util.Locale.ROOT)
                + "_"
                + SEQUENCE.incrementAndGet();
      }
      return id;
    }

    CredentialBuilder addedAtIfUnset(Instant at) {
      if (addedAt == null) {
        addedAt = at;
      }
      return this;
    }

    public Credential build() {
      String credentialId = id();
      return new Credential(
          new CredentialId(credentialId),
          format,
          identifier == null ? credentialId : identifier,
          type,
          alias == null ? Optional.of("alias-" + credentialId) : alias,
          signInEnabled,
          addedAt == null ? ADDED : addedAt,
          defaultMfa);
    }
  }
}
