package dev.stepup.application.port.in.user;

import dev.stepup.domain.access.ApiPermission;
import java.util.Objects;
import java.util.Set;

/** The answer to a host backend presenting an API key for an action needing a permission. */
public sealed interface ApiKeyAccess
    permits ApiKeyAccess.Granted, ApiKeyAccess.Unauthenticated, ApiKeyAccess.Forbidden {

  /** The key is valid and holds the permission; {@code grants} is everything it may do. */
  record Granted(String keyId, Set<ApiPermission> grants) implements ApiKeyAccess {
    public Granted {
      Objects.requireNonNull(keyId, "keyId");
      grants = Set.copyOf(grants);
    }
  }

  /**
   * The key is unknown, of another environment, revoked or expired: all answered alike so a caller
   * learns nothing about keys it does not hold.
   */
  record Unauthenticated() implements ApiKeyAccess {}

  /** The key is valid but lacks {@code missing}; {@code grants} is what it may do. */
  record Forbidden(ApiPermission missing, Set<ApiPermission> grants) implements ApiKeyAccess {
    public Forbidden {
      Objects.requireNonNull(missing, "missing");
      grants = Set.copyOf(grants);
    }
  }
}
