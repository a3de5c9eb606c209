package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin adds another, with a chosen password or a generated one shown once. Passwords follow
 * {@code AdminPasswordRule}; audited with the admin who added.
 */
public interface AddAdminUseCase {

  AdminChange add(AddAdminCommand command);

  /** {@code password} empty: the server generates one and answers it once. */
  record AddAdminCommand(
      String actor, String username, Optional<String> password, RequestOrigin origin) {

    public AddAdminCommand {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "AddAdminCommand[actor=" + actor + ", username=" + username + "]";
    }
  }
}
