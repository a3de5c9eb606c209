package dev.stepup.application.service;

import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Failed hosted sign-ins by code, counted per address and per client, apart from the user's step-up
 * tallies: anyone can type an address into the hosted sign-in, so its failures must never lock the
 * account's owner out of step-up.
 */
final class SignInAttempts {

  private static final int MAX_RACES = 20;

  private final SignInTallies tallies;
  private final SecretHasher hasher;
  private final Audit audit;
  private final Clock clock;

  SignInAttempts(SignInTallies tallies, SecretHasher hasher, Audit audit, Clock clock) {
    this.tallies = tallies;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What is counted: the address (as a keyed digest, so the table holds no addresses and any length
   * fits) and the client, both per environment and apart from the console's subjects.
   */
  List<String> subjects(EnvironmentId environmentId, String address, RequestOrigin origin) {
    String env = environmentId.value();
    String client = origin.clientIp().isBlank() ? "unknown" : origin.clientIp();
    return List.of(
        "hosted-address:" + env + ":" + hasher.digest("sign-in-address:" + env + ":" + address),
        truncate("hosted-ip:" + env + ":" + client));
  }

  /** How long sign-ins of these subjects stay refused, if any is locked. */
  Optional<Duration> locked(List<String> subjects) {
    Instant now = clock.instant();
    return subjects.stream()
        .map(s -> tallies.find(s).flatMap(t -> t.lockRemaining(now)))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /**
   * Counts the attempt as a failure of each subject before the code is checked (concurrent guesses
   * cannot slip past the threshold); answers the time left when a subject was already locked.
   */
  Optional<Duration> begin(
      EnvironmentId environmentId,
      Optional<UserId> userId,
      List<String> subjects,
      RequestOrigin origin) {
    Optional<Duration> refused = locked(subjects);
    if (refused.isPresent()) {
      return refused;
    }
    return subjects.stream()
        .map(s -> count(environmentId, userId, s, origin))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  private Optional<Duration> count(
      EnvironmentId environmentId, Optional<UserId> userId, String subject, RequestOrigin origin) {
    for (int tries = 0; tries < MAX_RACES; tries++) {
      Instant now = clock.instant();
      Optional<SignInTally> stored = tallies.find(subject);
      SignInTally before = stored.orElseGet(() -> SignInTally.none(subject, now));
      Optional<Duration> remaining = before.lockRemaining(now);
      if (remaining.isPresent()) {
        return remaining;
      }
      SignInTally after = before.afterFailure(now);
      if (tallies.compareAndSave(stored, after)) {
        if (after.justLocked(before, now)) {
          Audit.Entry lockout =
              audit
                  .event(AuditEventType.LOCKOUT, environmentId, origin)
                  .method(Optional.of(VerificationMethod.EMAIL_OTP));
          userId.ifPresent(lockout::user);
          lockout.failure("hosted_sign_in:" + subject.substring(0, subject.indexOf(':')));
        }
        return Optional.empty();
      }
    }
    return Optional.of(Duration.ofSeconds(1));
  }

  /** The code was right: the address and the client start over (the attempt was counted ahead). */
  void succeeded(List<String> subjects) {
    subjects.forEach(tallies::clear);
  }

  private static String truncate(String value) {
    return value.length() <= SignInTally.MAX_SUBJECT
        ? value
        : value.substring(0, SignInTally.MAX_SUBJECT);
  }
}
