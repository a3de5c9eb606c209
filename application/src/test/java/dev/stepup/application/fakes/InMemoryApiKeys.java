package dev.stepup.application.fakes;

import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API keys in memory. */
public final class InMemoryApiKeys implements ApiKeys {
  private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<ApiKey> findByDigest(String digest) {
    return byId.values().stream()
        .filter(k -> k.digest().equals(digest))
        .findFirst()
        .map(InMemoryApiKeys::copy);
  }

  @Override
  public List<ApiKey> forEnvironment(EnvironmentId environmentId) {
    return byId.values().stream()
        .filter(k -> k.environmentId().equals(environmentId))
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
        .map(InMemoryApiKeys::copy)
        .toList();
  }

  @Override
  public void save(ApiKey apiKey) {
    byId.put(apiKey.id(), copy(apiKey));
  }

  /** A copy, as a database row read back would be: changing it changes nothing stored. */
  private static ApiKey copy(ApiKey k) {
    return new ApiKey(
        k.id(),
        k.environmentId(),
        k.name(),
        k.digest(),
        k.createdAt(),
        k.permissions(),
        k.expiresAt(),
        k.lastUsedAt().orElse(null),
        k.revokedAt().orElse(null));
  }
}
