package dev.stepup.domain.access;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An environment's API key as the server keeps it: only a digest of the secret, never the secret;
 * what it may do (its permissions) and until when (an optional expiry).
 */
public final class ApiKey {

  /** What the key answers when it is presented for an action. */
  public enum Verdict {
    GRANTED,
    REVOKED,
    EXPIRED,
    /** The key is valid but lacks the permission the action needs. */
    NOT_PERMITTED
  }

  private final String id;
  private final EnvironmentId environmentId;
  private final String name;
  private final String digest;
  private final Instant createdAt;
  private final Set<ApiPermission> permissions;
  private final Instant expiresAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  public ApiKey(
      String id,
      EnvironmentId environmentId,
      String name,
      String digest,
      Instant createdAt,
      Set<ApiPermission> permissions,
      Optional<Instant> expiresAt,
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
    Objects.requireNonNull(permissions, "permissions");
    if (permissions.isEmpty()) {
      throw new IllegalArgumentException("permissions: an API key needs at least one permission");
    }
    this.permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").orElse(null);
    this.lastUsedAt = lastUsedAt;
    this.revokedAt = revokedAt;
  }

  /** A new key; an expiry, if any, must lie after {@code now} (a key born expired is a mistake). */
  public static ApiKey create(
      String id,
      EnvironmentId environmentId,
      String name,
      String digest,
      Set<ApiPermission> permissions,
      Optional<Instant> expiresAt,
      Instant now) {
    if (expiresAt.filter(at -> !at.isAfter(now)).isPresent()) {
      throw new IllegalArgumentException("expiry: choose a date in the future, or none");
    }
    return new ApiKey(id, environmentId, name, digest, now, permissions, expiresAt, null, null);
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

  public Set<ApiPermission> permissions() {
    return permissions;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
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

  /** Whether the key has expired by {@code now}: from its expiry instant on, it is refused. */
  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Whether the key authenticates at all at {@code now}: neither revoked nor expired. */
  public boolean isUsable(Instant now) {
    return isActive() && !isExpired(now);
  }

  /** Whether the key may be used for an action needing {@code permission} at {@code now}. */
  public boolean permits(ApiPermission permission, Instant now) {
    return verdict(permission, now) == Verdict.GRANTED;
  }

  /** Why the key may or may not be used for {@code permission} at {@code now}. */
  public Verdict verdict(ApiPermission permission, Instant now) {
    Objects.requireNonNull(permission, "permission");
    if (!isActive()) {
      return Verdict.REVOKED;
    }
    if (isExpired(now)) {
      return Verdict.EXPIRED;
    }
    return permissions.contains(permission) ? Verdict.GRANTED : Verdict.NOT_PERMITTED;
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
