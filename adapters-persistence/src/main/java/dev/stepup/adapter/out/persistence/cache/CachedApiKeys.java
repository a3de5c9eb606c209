package dev.stepup.adapter.out.persistence.cache;

import dev.stepup.application.port.out.environment.ApiKeys;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** API keys by the digest of their secret, read through a cache (ADR 0017). */
public final class CachedApiKeys implements ApiKeys {

  private final ApiKeys stored;
  private final ReadCache<String, ApiKey> cache;

  public CachedApiKeys(ApiKeys stored, Duration ttl) {
    this(stored, ttl, CacheChanges.NONE);
  }

  public CachedApiKeys(ApiKeys stored, Duration ttl, CacheChanges news) {
    this.stored = stored;
    this.cache =
        new ReadCache<>(
            "api-keys",
            ttl,
            10_000,
            k ->
                new ApiKey(
                    k.id(),
                    k.environmentId(),
                    k.name(),
                    k.digest(),
                    k.createdAt(),
                    k.permissions(),
                    k.expiresAt(),
                    k.lastUsedAt().orElse(null),
                    k.revokedAt().orElse(null)),
            digest -> digest,
            news);
  }

  @Override
  public Optional<ApiKey> findByDigest(String digest) {
    return cache.get(digest, () -> stored.findByDigest(digest));
  }

  @Override
  public List<ApiKey> forEnvironment(EnvironmentId environmentId) {
    return stored.forEnvironment(environmentId);
  }

  @Override
  public void save(ApiKey apiKey) {
    stored.save(apiKey);
    cache.forget(apiKey.digest());
  }
}
