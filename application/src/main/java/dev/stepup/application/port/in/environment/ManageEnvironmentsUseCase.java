package dev.stepup.application.port.in.environment;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

  /** Creates a key; its secret is in the answer only, never stored or shown again. */
  CreatedApiKey createApiKey(EnvironmentId id, String name, String actor, RequestOrigin origin);

  /** Revokes a key of the environment; false when it was unknown or already revoked. */
  boolean revokeApiKey(EnvironmentId id, String keyId, String actor, RequestOrigin origin);

  record ApiKeySummary(
      String id,
      String name,
      Instant createdAt,
      Optional<Instant> lastUsedAt,
      Optional<Instant> revokedAt) {}

  record CreatedApiKey(ApiKeySummary key, String secret) {
    @Override
    public String toString() {
      return "CreatedApiKey[" + key.id() + "]";
    }
  }
}
