package dev.stepup.domain.session;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's signed-in session; it remembers which credential the user signed in with. It ends when
 * signed out, at its absolute expiry, or after going unused for its idle timeout.
 */
public final class Session {

  /**
   * Use is recorded at most this often: a request within a minute of the last recorded one writes
   * nothing, so a session may lapse up to a minute sooner after its last request than its idle
   * timeout says.
   */
  public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

  private final SessionId id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final Optional<CredentialId> signInCredentialId;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final Duration idleTimeout;
  private Instant lastSeenAt;
  private Instant endedAt;

  /** Rebuilds a session as stored. */
  public Session(
      SessionId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<CredentialId> signInCredentialId,
      Instant createdAt,
      Instant expiresAt,
      Instant lastSeenAt,
      Duration idleTimeout,
      Instant endedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.signInCredentialId = Objects.requireNonNull(signInCredentialId, "signInCredentialId");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a session must expire after it starts");
    }
    this.lastSeenAt = Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("a session's idle timeout must be positive");
    }
    this.endedAt = endedAt;
  }

  /** Starts a session under {@code timeouts}: it lasts their lifetime unless left idle. */
  public static Session start(
      SessionId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<CredentialId> signInCredentialId,
      Instant now,
      SessionTimeouts timeouts) {
    return new Session(
        id,
        environmentId,
        userId,
        signInCredentialId,
        now,
        now.plus(timeouts.lifetime()),
        now,
        timeouts.idleTimeout(),
        null);
  }

  /** Starts a session that lasts {@code lifetime}, with the default idle timeout. */
  public static Session start(
      SessionId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<CredentialId> signInCredentialId,
      Instant now,
      Duration lifetime) {
    return start(
        id,
        environmentId,
        userId,
        signInCredentialId,
        now,
        new SessionTimeouts(lifetime, SessionTimeouts.DEFAULT_IDLE_TIMEOUT));
  }

  public SessionId id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public UserId userId() {
    return userId;
  }

  public Optional<CredentialId> signInCredentialId() {
    return signInCredentialId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The absolute end of the session, however active it is. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The last recorded use (to {@link #LAST_SEEN_RESOLUTION}). */
  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** When the session lapses if it is not used again: idle timeout or absolute expiry. */
  public Instant activeUntil() {
    Instant idleEnd = lastSeenAt.plus(idleTimeout);
    return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /** Signed in, not signed out, not expired, and used within its idle timeout. */
  public boolean isActive(Instant now) {
    return state(now) == SessionState.ACTIVE;
  }

  /** Where the session is at {@code now}: a signed-out session is ended even after it lapsed. */
  public SessionState state(Instant now) {
    if (endedAt != null) {
      return SessionState.ENDED;
    }
    return now.isBefore(activeUntil()) ? SessionState.ACTIVE : SessionState.EXPIRED;
  }

  /**
   * Records a use at {@code now}. A session that has lapsed stays lapsed. Returns whether the
   * last-seen time moved and should be stored: only when the recorded one is a minute old or more.
   */
  public boolean seen(Instant now) {
    if (!isActive(now) || now.isBefore(lastSeenAt.plus(LAST_SEEN_RESOLUTION))) {
      return false;
    }
    lastSeenAt = now;
    return true;
  }

  /** Signs the session out; returns false when it had already ended. */
  public boolean end(Instant now) {
    if (endedAt != null) {
      return false;
    }
    endedAt = now;
    return true;
  }
}
