package dev.stepup.adapter.out.persistence.cache;

import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Environments and their step-up settings, read through a cache (ADR 0017). */
public final class CachedEnvironments implements Environments {

  private final Environments stored;
  private final ReadCache<EnvironmentId, Environment> cache;

  public CachedEnvironments(Environments stored, Duration ttl) {
    this(stored, ttl, CacheChanges.NONE);
  }

  public CachedEnvironments(Environments stored, Duration ttl, CacheChanges news) {
    this.stored = stored;
    this.cache =
        new ReadCache<>(
            "environments", ttl, 10_000, CachedEnvironments::copy, EnvironmentId::value, news);
  }

  private static Environment copy(Environment e) {
    Environment copy = new Environment(e.id(), e.name(), e.settings(), e.redirects());
    copy.allowSignUp(e.allowsSignUp());
    copy.requireApiVersion(e.minimumApiVersion());
    copy.allowBrowserOrigins(e.browserOrigins());
    return copy;
  }

  @Override
  public Optional<Environment> find(EnvironmentId id) {
    return cache.get(id, () -> stored.find(id));
  }

  @Override
  public List<Environment> all() {
    return stored.all();
  }

  @Override
  public void save(Environment environment) {
    stored.save(environment);
    cache.forget(environment.id());
  }
}
