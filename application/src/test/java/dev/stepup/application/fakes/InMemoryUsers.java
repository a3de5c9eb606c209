package dev.stepup.application.fakes;

import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.Credential;
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
  public synchronized void save(User user) {
    // As the database's unique key: a credential names one user of the environment.
    for (User other : byId.values()) {
      if (!other.id().equals(user.id()) && other.environmentId().equals(user.environmentId())) {
        for (Credential c : user.credentials()) {
          if (other.credentials().stream()
              .anyMatch(o -> o.format() == c.format() && o.identifier().equals(c.identifier()))) {
            throw new IllegalStateException(
                "another user holds this " + c.format().wire() + " credential");
          }
        }
      }
    }
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
