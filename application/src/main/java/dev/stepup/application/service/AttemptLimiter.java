package dev.stepup.application.service;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts failed verifications per user and method and refuses a method while it is locked. */
final class AttemptLimiter {

  private static final int MAX_RACES = 20;

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

  /** An attempt counted ahead as a failure; {@code setsLock} when that count reached the lock. */
  record Attempt(
      EnvironmentId environmentId,
      RequestOrigin origin,
      Optional<SessionId> sessionId,
      UserId userId,
      VerificationMethod method,
      boolean setsLock) {}

  /**
   * Counts the attempt as a failure before it is checked, so concurrent guesses cannot all slip in
   * under the threshold; a success or an attempt that does not count takes it back.
   *
   * @throws RefusedException {@code too_many_attempts} while locked
   */
  Attempt begin(SessionContext context, UserId userId, VerificationMethod method) {
    return begin(
        context.environmentId(),
        context.origin(),
        Optional.of(context.sessionId()),
        userId,
        method);
  }

  /** As {@link #begin(SessionContext, UserId, VerificationMethod)}, before any session exists. */
  Attempt begin(
      EnvironmentId environmentId,
      RequestOrigin origin,
      Optional<SessionId> sessionId,
      UserId userId,
      VerificationMethod method) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Instant now = clock.instant();
      Optional<FailureTally> stored = tallies.find(userId, method);
      FailureTally before = stored.orElseGet(() -> FailureTally.none(userId, method, now));
      Optional<Duration> remaining = before.lockRemaining(now);
      if (remaining.isPresent()) {
        throw locked(remaining.get());
      }
      FailureTally after = before.afterFailure(now);
      if (tallies.compareAndSave(stored, after)) {
        return new Attempt(
            environmentId, origin, sessionId, userId, method, after.justLocked(before, now));
      }
    }
    // Under this much contention, refuse rather than let an attempt go uncounted.
    throw locked(Duration.ofSeconds(1));
  }

  /** The attempt failed: it stays counted. Returns the lock's time left when it set the lock. */
  Optional<Duration> failed(Attempt attempt) {
    if (!attempt.setsLock()) {
      return Optional.empty();
    }
    audit
        .event(AuditEventType.LOCKOUT, attempt.environmentId(), attempt.origin())
        .user(attempt.userId())
        .session(attempt.sessionId())
        .method(Optional.of(attempt.method()))
        .failure("too_many_failures");
    return tallies
        .find(attempt.userId(), attempt.method())
        .flatMap(t -> t.lockRemaining(clock.instant()));
  }

  /** The attempt did not count (an expired or spent challenge): take its failure back. */
  void release(Attempt attempt) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Optional<FailureTally> stored = tallies.find(attempt.userId(), attempt.method());
      if (stored.isEmpty() || stored.get().failures() == 0) {
        return;
      }
      if (tallies.compareAndSave(stored, stored.get().withoutOneFailure(attempt.setsLock()))) {
        return;
      }
    }
  }

  /** The user proved possession: the tally starts over. */
  void succeeded(Attempt attempt) {
    tallies.save(FailureTally.none(attempt.userId(), attempt.method(), clock.instant()));
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
