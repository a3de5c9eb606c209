package dev.stepup.application.service.signin;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.access.SignInTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Counts sign-in attempts (console passwords and authenticator codes, hosted sign-in codes) per
 * subject before they are checked, and refuses them while a subject is locked ({@link
 * SignInTally}); a lock is audited once.
 */
public final class SignInThrottle {

  private static final int MAX_RACES = 20;

  private final SignInTallies tallies;
  private final Audit audit;
  private final Clock clock;
  private final SignInTally.Limits limits;

  public SignInThrottle(SignInTallies tallies, Audit audit, Clock clock) {
    this(tallies, audit, clock, SignInTally.SIGN_IN);
  }

  /** With other limits than sign-ins', for other public endpoints counted per subject. */
  public SignInThrottle(
      SignInTallies tallies, Audit audit, Clock clock, SignInTally.Limits limits) {
    this.tallies = tallies;
    this.audit = audit;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Counts the attempt ahead as a failure (so concurrent guesses cannot all slip under the
   * threshold); answers how long attempts stay refused when one of the subjects is locked.
   */
  public Optional<Duration> attempt(
      List<String> subjects, String actor, RequestOrigin origin, String lockReason) {
    return attempt(
        subjects,
        subject ->
            audit
                .event(AuditEventType.LOCKOUT, null, origin)
                .actor(actor)
                .failure(lockReason + subject));
  }

  /** As above; {@code lockedNow} hears of each subject this attempt locked, to audit it. */
  public Optional<Duration> attempt(List<String> subjects, Consumer<String> lockedNow) {
    Optional<Duration> refused = locked(subjects);
    if (refused.isEmpty()) {
      refused = longest(subjects, subject -> count(subject, lockedNow));
    }
    return refused;
  }

  /** How long attempts of these subjects stay refused, if any is locked. */
  public Optional<Duration> locked(List<String> subjects) {
    return longest(subjects, this::remaining);
  }

  /** The attempt succeeded: the subjects' failures are forgotten. */
  public void forget(List<String> subjects) {
    subjects.forEach(tallies::clear);
  }

  private static Optional<Duration> longest(
      List<String> subjects, Function<String, Optional<Duration>> wait) {
    return subjects.stream().map(wait).flatMap(Optional::stream).max(Comparator.naturalOrder());
  }

  private Optional<Duration> remaining(String subject) {
    return tallies.find(subject).flatMap(t -> t.lockRemaining(clock.instant()));
  }

  /** Counts one failure of {@code subject}; answers the time left when it was already locked. */
  private Optional<Duration> count(String subject, Consumer<String> lockedNow) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Instant now = clock.instant();
      Optional<SignInTally> stored = tallies.find(subject);
      SignInTally before = stored.orElseGet(() -> SignInTally.none(subject, now));
      Optional<Duration> remaining = before.lockRemaining(now);
      if (remaining.isPresent()) {
        return remaining;
      }
      SignInTally after = before.afterFailure(now, limits);
      if (tallies.compareAndSave(stored, after)) {
        if (after.justLocked(before, now)) {
          lockedNow.accept(subject);
        }
        return Optional.empty();
      }
    }
    // Under this much contention, refuse rather than let an attempt go uncounted.
    return Optional.of(Duration.ofSeconds(1));
  }
}
