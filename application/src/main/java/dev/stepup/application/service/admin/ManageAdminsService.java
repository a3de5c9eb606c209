package dev.stepup.application.service.admin;

import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.admin.AdminSummary;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase.ChangeAdminPasswordCommand;
import dev.stepup.application.port.in.admin.ListAdminsUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.signin.SignInThrottle;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.access.AdminPasswordRule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Adds console admins and changes their passwords under {@link AdminPasswordRule}; a wrong current
 * password counts towards the same throttle as sign-ins. Every change is audited.
 */
public final class ManageAdminsService
    implements ListAdminsUseCase, AddAdminUseCase, ChangeAdminPasswordUseCase {

  private final AdminAccounts admins;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final SignInThrottle throttle;
  private final Audit audit;
  private final Clock clock;

  public ManageAdminsService(
      AdminAccounts admins,
      SecretHasher hasher,
      TransactionRunner transactions,
      SignInTallies tallies,
      AuditTrail auditTrail,
      Clock clock) {
    this.admins = admins;
    this.hasher = hasher;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.throttle = new SignInThrottle(tallies, audit, clock);
    this.clock = clock;
  }

  @Override
  public List<AdminSummary> list() {
    return admins.all().stream()
        .map(a -> new AdminSummary(a.username(), a.createdAt(), a.secondFactorEnrolled()))
        .toList();
  }

  @Override
  public AdminChange add(AddAdminCommand command) {
    String username = command.username().strip();
    if (!AdminAccount.validUsername(username)) {
      return refused(
          AuditEventType.ADMIN_ADDED,
          command.actor(),
          command.origin(),
          "invalid_username",
          "A username has 1-100 letters, digits, '.', '_', '@' or '-'.");
    }
    String password =
        command.password().filter(p -> !p.isEmpty()).orElseGet(() -> generated(username));
    Optional<String> problem = AdminPasswordRule.problem(password, username);
    if (problem.isPresent()) {
      return refused(
          AuditEventType.ADMIN_ADDED,
          command.actor(),
          command.origin(),
          "weak_password",
          problem.get());
    }
    String hash = hasher.hashPassword(password);
    boolean added =
        transactions.inTransaction(
            () -> {
              if (admins.find(username).isPresent()) {
                return false;
              }
              admins.save(new AdminAccount(username, hash, clock.instant()));
              return true;
            });
    if (!added) {
      return refused(
          AuditEventType.ADMIN_ADDED,
          command.actor(),
          command.origin(),
          "exists",
          "An admin named " + username + " already exists.");
    }
    audit
        .event(AuditEventType.ADMIN_ADDED, null, command.origin())
        .actor(command.actor())
        .success("admin:" + username);
    boolean generated = command.password().filter(p -> !p.isEmpty()).isEmpty();
    return new AdminChange.Done(username, generated ? Optional.of(password) : Optional.empty());
  }

  @Override
  public AdminChange changePassword(ChangeAdminPasswordCommand command) {
    String username = command.username();
    List<String> subjects = AdminSignInService.subjects(username, command.origin());
    Optional<Duration> throttled =
        throttle.attempt(subjects, username, command.origin(), "admin_password_change:");
    if (throttled.isPresent()) {
      return refused(
          AuditEventType.ADMIN_PASSWORD_CHANGED,
          username,
          command.origin(),
          "throttled",
          "Too many wrong passwords. Try again in "
              + Math.max(1, (throttled.get().toSeconds() + 59) / 60)
              + " minutes.");
    }
    Optional<AdminAccount> account = admins.find(username);
    if (account.isEmpty()
        || !hasher.passwordMatches(command.currentPassword(), account.get().passwordHash())) {
      return refused(
          AuditEventType.ADMIN_PASSWORD_CHANGED,
          username,
          command.origin(),
          "bad_credentials",
          "The current password is wrong.");
    }
    throttle.forget(subjects);
    Optional<String> problem = AdminPasswordRule.problem(command.newPassword(), username);
    if (problem.isPresent()) {
      return refused(
          AuditEventType.ADMIN_PASSWORD_CHANGED,
          username,
          command.origin(),
          "weak_password",
          problem.get());
    }
    String hash = hasher.hashPassword(command.newPassword());
    transactions.inTransaction(
        () -> admins.find(username).ifPresent(a -> admins.save(a.withPassword(hash))));
    audit
        .event(AuditEventType.ADMIN_PASSWORD_CHANGED, null, command.origin())
        .actor(username)
        .success();
    return new AdminChange.Done(username, Optional.empty());
  }

  private AdminChange refused(
      AuditEventType type, String actor, RequestOrigin origin, String reason, String message) {
    audit.event(type, null, origin).actor(AdminSignInService.actor(actor)).failure(reason);
    return new AdminChange.Refused(message);
  }

  /** 24 characters from 144 random bits, URL-safe, that the password rule accepts. */
  private static String generated(String username) {
    while (true) {
      String password = RandomTokens.secret("").substring(0, 24);
      if (AdminPasswordRule.problem(password, username).isEmpty()) {
        return password;
      }
    }
  }
}
