package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.attempt.HardLockPolicy;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed verifications per user and method, and in a row across all methods; refuses a
 * method while it is locked and every method while the user is hard-locked (see {@link
 * HardLockPolicy}). Locks are audited and told to the user.
 */
public final class AttemptLimiter {

  /** Reason of the {@code lockout} event when one method is paused. */
  public static final String METHOD_LOCK = "too_many_failures";

  /** Reason of the {@code lockout} event when every method is locked. */
  public static final String HARD_LOCK = "too_many_consecutive_failures";

  private final FailureTallies tallies;
  private final Optional<StepUpLockouts> lockouts;
  private final FailureCounts counts;
  private final Optional<SecurityNotifier> notifier;
  private final Audit audit;
  private final Clock clock;

  public AttemptLimiter(
      FailureTallies tallies,
      StepUpLockouts lockouts,
      HardLockPolicy hardLock,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.tallies = tallies;
    this.lockouts = Optional.of(lockouts);
    this.counts = new FailureCounts(tallies, this.lockouts, hardLock, clock);
    this.notifier = Optional.of(notifier);
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  /** Per-method locks only, for enrolment (which needs a step-up the hard lock already refuses). */
  public AttemptLimiter(FailureTallies tallies, Audit audit, Clock clock) {
    this.tallies = tallies;
    this.lockouts = Optional.empty();
    this.counts = new FailureCounts(tallies, Optional.empty(), HardLockPolicy.DEFAULT, clock);
    this.notifier = Optional.empty();
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws RefusedException {@code too_many_attempts} with the time left while locked
   */
  public void ensureNotLocked(UserId userId, VerificationMethod method) {
    Instant now = clock.instant();
    ensureNotHardLocked(userId, now);
    Optional<Duration> remaining =
        tallies.find(userId, method).flatMap(tally -> tally.lockRemaining(now));
    if (remaining.isPresent()) {
      throw locked(remaining.get());
    }
  }

  private void ensureNotHardLocked(UserId userId, Instant now) {
    Optional<Duration> hard = counts.hardLockRemaining(userId, now);
    if (hard.isPresent()) {
      throw hardLocked(hard.get());
    }
  }

  /** How long the user's hard lock lasts, when they are hard-locked. */
  public Optional<Duration> hardLockRemaining(UserId userId) {
    return counts.hardLockRemaining(userId, clock.instant());
  }

  /**
   * An attempt counted ahead as a failure; {@code setsLock} / {@code setsHardLock} when that count
   * reached the method's lock / the hard lock.
   */
  public record Attempt(
      EnvironmentId environmentId,
      RequestOrigin origin,
      Optional<SessionId> sessionId,
      UserId userId,
      VerificationMethod method,
      boolean setsLock,
      boolean setsHardLock) {}

  /**
   * Counts the attempt as a failure before it is checked, so concurrent guesses cannot all slip in
   * under the threshold; a success or an attempt that does not count takes it back.
   *
   * @throws RefusedException {@code too_many_attempts} while locked
   */
  public Attempt begin(SessionContext context, UserId userId, VerificationMethod method) {
    return begin(
        context.environmentId(),
        context.origin(),
        Optional.of(context.sessionId()),
        userId,
        method);
  }

  /** As {@link #begin(SessionContext, UserId, VerificationMethod)}, before any session exists. */
  public Attempt begin(
      EnvironmentId environmentId,
      RequestOrigin origin,
      Optional<SessionId> sessionId,
      UserId userId,
      VerificationMethod method) {
    ensureNotHardLocked(userId, clock.instant());
    boolean setsLock = counts.countMethodFailure(userId, method);
    boolean setsHardLock;
    try {
      setsHardLock = counts.countConsecutiveFailure(userId);
    } catch (RefusedException hardLocked) {
      counts.releaseMethodFailure(userId, method, setsLock);
      throw hardLocked;
    }
    return new Attempt(environmentId, origin, sessionId, userId, method, setsLock, setsHardLock);
  }

  /** The attempt failed: it stays counted. Returns the lock's time left when it set a lock. */
  public Optional<Duration> failed(Attempt attempt) {
    return failedWithLock(attempt).flatMap(RefusedException::retryAfter);
  }

  /**
   * The attempt failed: it stays counted. When it set a lock, the lock is audited and told to the
   * user, and its refusal is answered (the hard lock's when it set both).
   */
  public Optional<RefusedException> failedWithLock(Attempt attempt) {
    if (attempt.setsLock()) {
      lockout(attempt, Optional.of(attempt.method()), METHOD_LOCK);
    }
    if (attempt.setsHardLock()) {
      lockout(attempt, Optional.empty(), HARD_LOCK);
      Optional<Duration> hard = hardLockRemaining(attempt.userId());
      if (hard.isPresent()) {
        return Optional.of(hardLocked(hard.get()));
      }
    }
    if (!attempt.setsLock()) {
      return Optional.empty();
    }
    return tallies
        .find(attempt.userId(), attempt.method())
        .flatMap(t -> t.lockRemaining(clock.instant()))
        .map(AttemptLimiter::locked);
  }

  private void lockout(Attempt attempt, Optional<VerificationMethod> method, String reason) {
    audit
        .event(AuditEventType.LOCKOUT, attempt.environmentId(), attempt.origin())
        .user(attempt.userId())
        .session(attempt.sessionId())
        .method(method)
        .failure(reason);
    notifier.ifPresent(
        n ->
            n.notify(
                attempt.environmentId(),
                attempt.userId(),
                SecurityNotice.LOCKED_OUT,
                method
                    .map(SecurityNotifier::describe)
                    .orElse("Confirming actions on your account with any method")));
  }

  /** The attempt did not count (an expired or spent challenge): take its failure back. */
  public void release(Attempt attempt) {
    counts.releaseMethodFailure(attempt.userId(), attempt.method(), attempt.setsLock());
    counts.releaseConsecutiveFailure(attempt.userId(), attempt.setsHardLock());
  }

  /** The user proved possession: the method's tally and the consecutive count start over. */
  public void succeeded(Attempt attempt) {
    tallies.save(FailureTally.none(attempt.userId(), attempt.method(), clock.instant()));
    lockouts.ifPresent(l -> l.clear(attempt.userId()));
  }

  /** See {@link LockRefusals#locked}. */
  public static RefusedException locked(Duration remaining) {
    return LockRefusals.locked(remaining);
  }

  /** See {@link LockRefusals#hardLocked}. */
  public static RefusedException hardLocked(Duration remaining) {
    return LockRefusals.hardLocked(remaining);
  }
}
