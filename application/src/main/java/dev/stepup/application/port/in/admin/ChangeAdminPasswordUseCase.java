package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.util.Objects;

/**
 * An admin changes their own password, the current one required. Passwords follow {@code
 * AdminPasswordRule}; audited.
 */
public interface ChangeAdminPasswordUseCase {

  AdminChange changePassword(ChangeAdminPasswordCommand command);

  /** Whose password, the current one, and the new one. */
  record ChangeAdminPasswordCommand(
      String username, String currentPassword, String newPassword, RequestOrigin origin) {

    public ChangeAdminPasswordCommand {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(currentPassword, "currentPassword");
      Objects.requireNonNull(newPassword, "newPassword");
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "ChangeAdminPasswordCommand[username=" + username + "]";
    }
  }
}
