package dev.stepup.application.service.user;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.user.GetStepUpLockUseCase;
import dev.stepup.application.port.in.user.UnlockStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Shows and lifts the hard step-up lock of a user (see {@link AttemptLimiter}). */
public final class UnlockStepUpService implements GetStepUpLockUseCase, UnlockStepUpUseCase {

  private final Users users;
  private final StepUpLockouts lockouts;
  private final Audit audit;
  private final Clock clock;

  public UnlockStepUpService(
      Users users, StepUpLockouts lockouts, AuditTrail auditTrail, Clock clock) {
    this.users = users;
    this.lockouts = lockouts;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Optional<Instant> lockedUntil(EnvironmentId environmentId, UserId userId) {
    User user = require(environmentId, userId);
    Instant now = clock.instant();
    return lockouts
        .find(user.id())
        .filter(c -> c.isLocked(now))
        .flatMap(ConsecutiveFailures::lockedUntil);
  }

  @Override
  public boolean unlock(Command command) {
    boolean wasLocked = lockedUntil(command.environmentId(), command.userId()).isPresent();
    lockouts.clear(command.userId());
    audit
        .event(AuditEventType.LOCKOUT_RESET, command.environmentId(), command.origin())
        .user(command.userId())
        .actor(command.admin())
        .success(wasLocked ? "hard_lock_lifted" : "count_reset");
    return wasLocked;
  }

  private User require(EnvironmentId environmentId, UserId userId) {
    return users
        .find(environmentId, userId)
        .orElseThrow(() -> new NotFoundException("user", userId));
  }
}
