package dev.stepup.domain.session;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A user's signed-in session; it remembers which credential the user signed in with. */
public final class Session {

  private final SessionId id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final Optional<CredentialId> signInCredentialId;
  private final Instant createdAt;
  private final Instant expiresAt;
  private Instant endedAt;

  public Session(
      SessionId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<CredentialId> signInCredentialId,
      Instant createdAt,
      Instant expiresAt,
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
    this.endedAt = endedAt;
  }

  /** Starts a session that lasts {@code lifetime} from {@code now}. */
  public static Session start(
      SessionId id,
      EnvironmentId environmentId,
      UserId userId,
      Optional<CredentialId> signInCredentialId,
      Instant now,
      Duration lifetime) {
    return new Session(
        id, environmentId, userId, signInCredentialId, now, now.plus(lifetime), null);
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

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /** Signed in, not signed out, not expired. */
  public boolean isActive(Instant now) {
    return endedAt == null && now.isBefore(expiresAt);
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
