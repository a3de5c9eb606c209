package dev.stepup.domain.social;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One authorization-code login at a social provider, started by a signed-in session: for step-up
 * (the provider's subject must be a linked credential) or to link the account as a credential. It
 * completes once, within ten minutes; a completed link login can be turned into a credential once.
 *
 * @param nonce the value the ID token must carry
 * @param codeVerifier the PKCE secret whose S256 hash the authorization request named
 * @param subject the provider's subject, once the login completed
 * @param email the email address the provider reported, if any, once completed
 */
public record SocialLogin(
    String id,
    EnvironmentId environmentId,
    UserId userId,
    SessionId sessionId,
    String provider,
    Purpose purpose,
    Set<Scope> scopes,
    String redirectUri,
    String nonce,
    String codeVerifier,
    Instant startedAt,
    Optional<Instant> completedAt,
    Optional<String> subject,
    Optional<String> email,
    Optional<Instant> linkedAt) {

  public static final Duration LIFETIME = Duration.ofMinutes(10);

  /** What the login is for. */
  public enum Purpose {
    STEP_UP,
    LINK
  }

  public SocialLogin {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(purpose, "purpose");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(linkedAt, "linkedAt");
    if (purpose == Purpose.STEP_UP && scopes.isEmpty()) {
      throw new IllegalArgumentException("a step-up login names the scopes it is for");
    }
  }

  public static SocialLogin start(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      String provider,
      Purpose purpose,
      Set<Scope> scopes,
      String redirectUri,
      String nonce,
      String codeVerifier,
      Instant now) {
    return new SocialLogin(
        id,
        environmentId,
        userId,
        sessionId,
        provider,
        purpose,
        scopes,
        redirectUri,
        nonce,
        codeVerifier,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Instant expiresAt() {
    return startedAt.plus(LIFETIME);
  }

  /** Whether the provider's answer may still complete this login. */
  public Status status(Instant now) {
    if (completedAt.isPresent()) {
      return Status.COMPLETED;
    }
    return now.isBefore(expiresAt()) ? Status.PENDING : Status.EXPIRED;
  }

  /** Where a login stands. */
  public enum Status {
    PENDING,
    COMPLETED,
    EXPIRED
  }

  /** Whether this completed link login can still become the session's credential. */
  public boolean linkable(SessionId session, Instant now) {
    return purpose == Purpose.LINK
        && sessionId.equals(session)
        && completedAt.isPresent()
        && subject.isPresent()
        && linkedAt.isEmpty()
        && now.isBefore(expiresAt());
  }

  /** The identifier a linked credential of this provider's subject carries. */
  public static String credentialIdentifier(String provider, String subject) {
    return provider + ":" + subject;
  }
}
