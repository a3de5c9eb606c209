package dev.stepup.domain.access;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment's API key as the server keeps it: only a digest of the secret, never the secret.
 */
public final class ApiKey {

  private final String id;
  private final EnvironmentId environmentId;
  private final String name;
  private final String digest;
  private final Instant createdAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  public ApiKey(
      String id,
      EnvironmentId environmentId,
      String name,
      String digest,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("API key name must be 1-100 characters");
    }
    this.name = name.strip();
    this.digest = Objects.requireNonNull(digest, "digest");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.lastUsedAt = lastUsedAt;
    this.revokedAt = revokedAt;
  }

  public String id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public String name() {
    return name;
  }

  public String digest() {
    return digest;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  /** Records a successful authentication with this key. */
  public void markUsed(Instant now) {
    lastUsedAt = now;
  }

  /** Revokes the key; returns false when it was already revoked. */
  public boolean revoke(Instant now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    return true;
  }
}
