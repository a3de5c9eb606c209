package dev.stepup.application.service;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts failed verifications per user and method and refuses a method while it is locked. */
final class AttemptLimiter {

  private final FailureTallies tallies;
  private final Audit audit;
  private final Clock clock;

  AttemptLimiter(FailureTallies tallies, Audit audit, Clock clock) {
    this.tallies = tallies;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws RefusedException {@code too_many_attempts} with the time left while locked
   */
  void ensureNotLocked(UserId userId, VerificationMethod method) {
    Instant now = clock.instant();
    Optional<Duration> remaining =
        tallies.find(userId, method).flatMap(tally -> tally.lockRemaining(now));
    if (remaining.isPresent()) {
      throw locked(remaining.get());
    }
  }

  /** Counts a failure; returns the lock's remaining time when this failure locked the method. */
  Optional<Duration> recordFailure(
      SessionContext context, UserId userId, VerificationMethod method) {
    Instant now = clock.instant();
    FailureTally before =
        tallies.find(userId, method).orElseGet(() -> FailureTally.none(userId, method, now));
    FailureTally after = before.afterFailure(now);
    tallies.save(after);
    if (after.justLocked(before, now)) {
      audit
          .event(AuditEventType.LOCKOUT, context.environmentId(), context.origin())
          .user(userId)
          .session(Optional.of(context.sessionId()))
          .method(Optional.of(method))
          .failure("too_many_failures");
      return after.lockRemaining(now);
    }
    return Optional.empty();
  }

  void recordSuccess(UserId userId, VerificationMethod method) {
    Instant now = clock.instant();
    tallies
        .find(userId, method)
        .filter(t -> t.failures() > 0)
        .ifPresent(t -> tallies.save(t.afterSuccess(now)));
  }

  static RefusedException locked(Duration remaining) {
    long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
    return new RefusedException(
        Refusal.TOO_MANY_ATTEMPTS,
        "Too many failed attempts. Try again in "
            + minutes
            + " minute"
            + (minutes == 1 ? "" : "s")
            + ".",
        Optional.of(remaining),
        null);
  }
}
