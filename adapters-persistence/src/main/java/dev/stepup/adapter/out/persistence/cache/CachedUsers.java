package dev.stepup.adapter.out.persistence.cache;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;

/** Users with their credentials, read through a cache (ADR 0017). */
public final class CachedUsers implements Users {

  private record Key(EnvironmentId environmentId, UserId userId) {
    String text() {
      return environmentId.value() + "/" + userId.value();
    }
  }

  private final Users stored;
  private final ReadCache<Key, User> cache;

  public CachedUsers(Users stored, Duration ttl) {
    this(stored, ttl, CacheChanges.NONE);
  }

  public CachedUsers(Users stored, Duration ttl, CacheChanges news) {
    this.stored = stored;
    this.cache =
        new ReadCache<>(
            "users",
            ttl,
            50_000,
            u -> new User(u.id(), u.environmentId(), u.createdAt(), u.credentials()),
            Key::text,
            news);
  }

  @Override
  public Optional<User> find(EnvironmentId environmentId, UserId userId) {
    return cache.get(new Key(environmentId, userId), () -> stored.find(environmentId, userId));
  }

  @Override
  public Optional<User> findByCredential(
      EnvironmentId environmentId, CredentialFormat format, String identifier) {
    return stored.findByCredential(environmentId, format, identifier);
  }

  @Override
  public void save(User user) {
    stored.save(user);
    cache.forget(new Key(user.environmentId(), user.id()));
  }
}
