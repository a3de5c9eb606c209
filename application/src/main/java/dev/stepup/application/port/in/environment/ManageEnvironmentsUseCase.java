package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What admins do with environments and their API keys. Every change is audited. */
public interface ManageEnvironmentsUseCase {

  List<Environment> all();

  /**
   * @throws IllegalArgumentException naming the field, for a malformed or taken id or a bad name
   */
  Environment create(String id, String name, String actor, RequestOrigin origin);

  Environment rename(EnvironmentId id, String name, String actor, RequestOrigin origin);

  /**
   * Replaces where browsers may be sent back to after social login and hosted pages: exact redirect
   * URIs or whole origins.
   *
   * @throws IllegalArgumentException naming the first entry that is not acceptable; nothing changes
   *     then
   */
  Environment allowRedirects(
      EnvironmentId id, List<String> entries, String actor, RequestOrigin origin);

  /** Lets people without an account sign up on the hosted pages by proving an email address. */
  Environment allowSignUp(EnvironmentId id, boolean allowed, String actor, RequestOrigin origin);

  List<ApiKeySummary> apiKeys(EnvironmentId id);

  /**
   * Creates a key with all permissions and no expiry; its secret is in the answer only, never
   * stored or shown again.
   */
  default CreatedApiKey createApiKey(
      EnvironmentId id, String name, String actor, RequestOrigin origin) {
    return createApiKey(id, name, ApiPermission.ALL, Optional.empty(), actor, origin);
  }

  /**
   * Creates a key that may do only what {@code permissions} name, until {@code expiresAt} if given;
   * its secret is in the answer only, never stored or shown again.
   *
   * @throws IllegalArgumentException naming the field: no name, no permission, an expiry not in the
   *     future
   */
  CreatedApiKey createApiKey(
      EnvironmentId id,
      String name,
      Set<ApiPermission> permissions,
      Optional<Instant> expiresAt,
      String actor,
      RequestOrigin origin);

  /** Revokes a key of the environment; false when it was unknown or already revoked. */
  boolean revokeApiKey(EnvironmentId id, String keyId, String actor, RequestOrigin origin);

  record ApiKeySummary(
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

  record CreatedApiKey(ApiKeySummary key, String secret) {
    @Override
    public String toString() {
      return "CreatedApiKey[" + key.id() + "]";
    }
  }
}
