package dev.stepup.application.fakes;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users kept in memory. */
public final class InMemoryUsers implements Users {
  private final Map<UserId, User> byId = new ConcurrentHashMap<>();

  @Override
  public Optional<User> find(EnvironmentId environmentId, UserId userId) {
    return Optional.ofNullable(byId.get(userId))
        .filter(u -> u.environmentId().equals(environmentId))
        .map(InMemoryUsers::copy);
  }

  @Override
  public Optional<User> findByCredential(
      EnvironmentId environmentId, CredentialFormat format, String identifier) {
    return byId.values().stream()
        .filter(u -> u.environmentId().equals(environmentId))
        .filter(
            u ->
                u.credentials().stream()
                    .anyMatch(c -> c.format() == format && c.identifier().equals(identifier)))
        .findFirst()
        .map(InMemoryUsers::copy);
  }

  @Override
  public void save(User user) {
    byId.put(user.id(), copy(user));
  }

  /** Every stored user, for fakes that search them. */
  public List<User> all() {
    return byId.values().stream().map(InMemoryUsers::copy).toList();
  }

  private static User copy(User u) {
    return new User(u.id(), u.environmentId(), u.createdAt(), u.credentials());
  }
}
