package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Console admin accounts: an admin adds another (with a chosen password or a generated one shown
 * once) and changes their own password (the current one required). Passwords follow {@code
 * AdminPasswordRule}; every change is audited with the admin who made it.
 */
public interface ManageAdminsUseCase {

  List<AdminSummary> list();

  AdminChange add(AddAdminCommand command);

  AdminChange changePassword(ChangeAdminPasswordCommand command);

  /** An admin as the console lists it. */
  record AdminSummary(String username, Instant createdAt, boolean secondFactorEnrolled) {}

  /** {@code password} empty: the server generates one and answers it once. */
  record AddAdminCommand(
      String actor, String username, Optional<String> password, RequestOrigin origin) {
    public AddAdminCommand {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(origin, "origin");
    }
  }

  record ChangeAdminPasswordCommand(
      String username, String currentPassword, String newPassword, RequestOrigin origin) {
    public ChangeAdminPasswordCommand {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(currentPassword, "currentPassword");
      Objects.requireNonNull(newPassword, "newPassword");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** How a change went. */
  sealed interface AdminChange {
    /** Done; {@code generatedPassword} is present only when the server chose it. */
    record Done(String username, Optional<String> generatedPassword) implements AdminChange {}

    /** Not done, with the reason in words for the admin. */
    record Refused(String message) implements AdminChange {}
  }
}
