package dev.stepup.application.port.in.environment;

import dev.stepup.domain.access.ApiPermission;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** An API key as admins see it: never its secret. */
public record ApiKeySummary(
    String id,
    String name,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt,
    Set<ApiPermission> permissions,
    Optional<Instant> expiresAt) {

  public ApiKeySummary {
    permissions = Set.copyOf(permissions);
  }

  /** Whether the key authenticates at {@code now}: neither revoked nor expired. */
  public boolean usableAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }
}
