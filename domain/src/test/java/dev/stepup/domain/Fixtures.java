package dev.stepup.domain;

import static dev.stepup.domain.testdata.CredentialTestData.aCredential;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static dev.stepup.domain.testdata.UserTestData.aUser;

import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.testdata.CredentialTestData.CredentialBuilder;
import dev.stepup.domain.testdata.ElevatedTokenTestData.ElevatedTokenBuilder;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Small, fixed test data for the domain tests; no system clock anywhere. */
public final class Fixtures {

  /** The instant every test treats as "now" unless it says otherwise. */
  public static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  public static final EnvironmentId DEMO = new EnvironmentId("demo");
  public static final EnvironmentId PRODUCTION = new EnvironmentId("production");
  public static final UserId ALICE = new UserId("usr_alice");
  public static final UserId BOB = new UserId("usr_bob");
  public static final SessionId SESSION = new SessionId("ses_alice_1");
  public static final SessionId OTHER_SESSION = new SessionId("ses_alice_2");

  private static final Instant FIRST_DAY = Instant.parse("2024-01-01T00:00:00Z");

  private Fixtures() {}

  /** A fixed creation instant {@code n} days after 2024-01-01: larger means added later. */
  public static Instant day(int n) {
    return FIRST_DAY.plus(Duration.ofDays(n));
  }

  public static Instant minutesAfterNow(long minutes) {
    return NOW.plus(Duration.ofMinutes(minutes));
  }

  // --- credentials -------------------------------------------------------------------------

  public static Credential credential(
      String id,
      CredentialFormat format,
      Optional<String> type,
      boolean signInEnabled,
      int addedOnDay) {
    CredentialBuilder credential =
        aCredential(format, id + "-identifier")
            .withId(id)
            .aliased(id + "-alias")
            .signInEnabled(signInEnabled)
            .addedAt(day(addedOnDay));
    type.ifPresent(credential::ofType);
    return credential.build();
  }

  /** A sign-in-enabled email address. */
  public static Credential email(String id, int addedOnDay) {
    return credential(id, CredentialFormat.EMAIL, Optional.empty(), true, addedOnDay);
  }

  /** An email address the user may not sign in with (e.g. a contact address). */
  public static Credential contactEmail(String id, int addedOnDay) {
    return credential(id, CredentialFormat.EMAIL, Optional.empty(), false, addedOnDay);
  }

  /** A sign-in-enabled phone number. */
  public static Credential phone(String id, int addedOnDay) {
    return credential(id, CredentialFormat.PHONE_NUMBER, Optional.empty(), true, addedOnDay);
  }

  public static Credential contactPhone(String id, int addedOnDay) {
    return credential(id, CredentialFormat.PHONE_NUMBER, Optional.empty(), false, addedOnDay);
  }

  /** A linked Google account (OAuth credentials are never "sign-in enabled" by flag). */
  public static Credential google(String id, int addedOnDay) {
    return credential(id, CredentialFormat.OAUTH, Optional.of("google"), false, addedOnDay);
  }

  public static Credential externalWallet(String id, int addedOnDay) {
    return credential(
        id,
        CredentialFormat.BLOCKCHAIN,
        Optional.of(Credential.WALLET_EXTERNAL),
        false,
        addedOnDay);
  }

  public static Credential embeddedWallet(String id, int addedOnDay) {
    return credential(
        id,
        CredentialFormat.BLOCKCHAIN,
        Optional.of(Credential.WALLET_EMBEDDED),
        false,
        addedOnDay);
  }

  public static Credential passkey(String id, int addedOnDay) {
    return credential(id, CredentialFormat.PASSKEY, Optional.empty(), false, addedOnDay);
  }

  public static Credential totp(String id, int addedOnDay) {
    return credential(id, CredentialFormat.TOTP, Optional.empty(), false, addedOnDay);
  }

  public static CredentialId id(String value) {
    return new CredentialId(value);
  }

  // --- users and sessions --------------------------------------------------------------------

  /** Alice in the demo environment with these credentials. */
  public static User alice(Credential... credentials) {
    return aUser().withId(ALICE).in(DEMO).createdAt(day(0)).with(credentials).build();
  }

  /** Alice's session, signed in with {@code signInCredential}. */
  public static Session sessionSignedInWith(Credential signInCredential) {
    return session(SESSION, Optional.of(signInCredential.id()));
  }

  /** Alice's session, with no remembered sign-in credential. */
  public static Session session() {
    return session(SESSION, Optional.empty());
  }

  public static Session session(SessionId id, Optional<CredentialId> signInCredentialId) {
    return Session.start(
        id, DEMO, ALICE, signInCredentialId, NOW.minus(Duration.ofHours(1)), Duration.ofHours(8));
  }

  // --- settings ------------------------------------------------------------------------------

  public static StepUpSettings defaults() {
    return StepUpSettings.defaults();
  }

  /** Default settings with these methods turned off. */
  public static StepUpSettings without(VerificationMethod... disabled) {
    StepUpSettings settings = StepUpSettings.defaults();
    for (VerificationMethod method : disabled) {
      settings = settings.withMethod(method, false);
    }
    return settings;
  }

  // --- tokens --------------------------------------------------------------------------------

  /** A token issued to Alice's session at {@code NOW} under the default settings. */
  public static ElevatedToken tokenFor(Scope first, Scope... more) {
    return tokenFor(Optional.of(SESSION), Scope.setOf(first, more));
  }

  public static ElevatedToken tokenFor(Optional<SessionId> session, Set<Scope> scopes) {
    ElevatedTokenBuilder token =
        anElevatedToken()
            .withId("tok_1")
            .in(DEMO)
            .forUser(ALICE)
            .forScopes(scopes)
            .verifiedWith(VerificationMethod.PASSKEY)
            .issuedAt(NOW);
    session.ifPresentOrElse(token::inSession, token::withoutSession);
    return token.build();
  }
}
