package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.signin.SignInThrottle;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rate-limits the unauthenticated bring-your-own-auth endpoints (token exchange, client assertions)
 * by their refusals, per environment and client address, in the sign-in tallies every node shares:
 * {@link #LIMITS} refused requests lock the address out for a while, so a flood of forged or
 * expired JWTs costs the server no more signature checks, key fetches or audit rows.
 *
 * <p>Not counted per provider subject or backend client: before the signature is checked those are
 * only what the caller claims, so counting them would let anyone lock a real user or backend out.
 */
final class RefusalThrottle {

  /** 20 refusals within 5 minutes lock the address for 5 minutes. */
  static final SignInTally.Limits LIMITS =
      new SignInTally.Limits(20, Duration.ofMinutes(5), Duration.ofMinutes(5));

  private final String endpoint;
  private final SignInThrottle throttle;

  RefusalThrottle(String endpoint, SignInTallies tallies, Audit audit, Clock clock) {
    this.endpoint = endpoint;
    this.throttle = new SignInThrottle(tallies, audit, clock, LIMITS);
  }

  /** What is counted: the client address in this environment, apart from every other count. */
  List<String> subjects(EnvironmentId environmentId, RequestOrigin origin) {
    String client = origin.clientIp().isBlank() ? "unknown" : origin.clientIp();
    String subject = endpoint + "-ip:" + environmentId.value() + ":" + client;
    return List.of(
        subject.length() <= SignInTally.MAX_SUBJECT
            ? subject
            : subject.substring(0, SignInTally.MAX_SUBJECT));
  }

  /**
   * @throws RefusedException {@code too_many_attempts} with the time left while locked
   */
  void ensureNotLocked(List<String> subjects) {
    throttle
        .locked(subjects)
        .ifPresent(
            wait -> {
              throw throttled(wait);
            });
  }

  /** Counts one refusal; {@code lockedNow} hears when it locked the address, to audit it once. */
  void refused(List<String> subjects, Consumer<String> lockedNow) {
    throttle.attempt(subjects, lockedNow);
  }

  static RefusedException throttled(Duration wait) {
    return new RefusedException(RefusalReason.EXTERNAL_AUTH_THROTTLED).retryAfter(wait);
  }
}
