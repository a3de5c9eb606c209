package dev.stepup.application.port.out.user;

import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.util.Optional;

/** Users and their credentials. */
public interface Users {

  /** The user with this id in this environment; users of other environments are not found. */
  Optional<User> find(EnvironmentId environmentId, UserId userId);

  /** The user who holds a credential of {@code format} naming {@code identifier}. */
  Optional<User> findByCredential(
      EnvironmentId environmentId, CredentialFormat format, String identifier);

  /** Inserts the user or brings their stored credentials in line with {@code user}. */
  void save(User user);
}
