package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An admin creates a host backend's API key, which may do only what its permissions name, until its
 * expiry if it has one; its secret is in the answer only, never stored or shown again. Audited with
 * the admin.
 */
public interface CreateApiKeyUseCase {

  /**
   * @throws IllegalArgumentException naming the field, for an expiry not in the future
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   */
  CreatedApiKey createApiKey(Command command);

  /** The key's environment, name, permissions and expiry, and which admin creates it. */
  record Command(
      EnvironmentId id,
      String name,
      Set<ApiPermission> permissions,
      Optional<Instant> expiresAt,
      String actor,
      RequestOrigin origin) {

    /**
     * @throws IllegalArgumentException naming the field: no name, no permission
     */
    public Command {
      Objects.requireNonNull(id, "id");
      if (name == null || name.isBlank() || name.strip().length() > 100) {
        throw new IllegalArgumentException("name: give the key a name of 1-100 characters");
      }
      if (permissions == null || permissions.isEmpty()) {
        throw new IllegalArgumentException("permissions: choose at least one permission");
      }
      permissions = Set.copyOf(permissions);
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
