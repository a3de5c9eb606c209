package dev.stepup.application.service.externalauth;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.signin.SignInThrottle;
import dev.stepup.application.service.user.RefusalAuditGate;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Rate-limits the unauthenticated bring-your-own-auth endpoints (token exchange, client assertions)
 * by their refusals, per environment and client address, in the sign-in tallies every node shares:
 * {@link #LIMITS} refused requests lock the address out for a while, so a flood of forged or
 * expired JWTs costs the server no more signature checks, key fetches or audit rows.
 *
 * <p>Not counted per provider subject or backend client: before the signature is checked those are
 * only what the caller claims, so counting them would let anyone lock a real user or backend out.
 * Every refusal is audited as the endpoint's refusal event behind a {@link RefusalAuditGate}, so a
 * flood does not flood the audit trail either.
 */
final class RefusalThrottle {

  /** 20 refusals within 5 minutes lock the address for 5 minutes. */
  static final SignInTally.Limits LIMITS =
      new SignInTally.Limits(20, Duration.ofMinutes(5), Duration.ofMinutes(5));

  private final String endpoint;
  private final AuditEventType refusedEvent;
  private final String actor;
  private final SignInThrottle throttle;
  private final RefusalAuditGate gate = new RefusalAuditGate();
  private final Audit audit;
  private final Clock clock;

  /**
   * @param endpoint names the endpoint's counts, apart from every other count
   * @param refusedEvent how its refusals are audited, with {@code actor}
   */
  RefusalThrottle(
      String endpoint,
      AuditEventType refusedEvent,
      String actor,
      SignInTallies tallies,
      Audit audit,
      Clock clock) {
    this.endpoint = endpoint;
    this.refusedEvent = refusedEvent;
    this.actor = actor;
    this.throttle = new SignInThrottle(tallies, audit, clock, LIMITS);
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Refuses a caller whose address is locked out ({@code too_many_attempts} with the time left),
   * audited like any refusal; its request is not counted again.
   */
  void ensureOpen(EnvironmentId environmentId, RequestOrigin origin) {
    throttle
        .locked(subjects(environmentId, origin))
        .ifPresent(
            wait -> {
              audited(environmentId, origin, RefusalReason.EXTERNAL_AUTH_THROTTLED);
              throw new RefusedException(RefusalReason.EXTERNAL_AUTH_THROTTLED).retryAfter(wait);
            });
  }

  /**
   * Audits the refusal and, when {@code counts} (not for a failure that is the server's, like an
   * unreachable provider), counts it against the caller's address, auditing the lock it may set.
   */
  RefusedException refuse(
      EnvironmentId environmentId, RequestOrigin origin, RefusalReason reason, boolean counts) {
    audited(environmentId, origin, reason);
    if (counts) {
      throttle.attempt(
          subjects(environmentId, origin),
          subject ->
              audit
                  .event(refusedEvent, environmentId, origin)
                  .actor(actor)
                  .failure("address_locked"));
    }
    return new RefusedException(reason);
  }

  private void audited(EnvironmentId environmentId, RequestOrigin origin, RefusalReason reason) {
    if (gate.admit(environmentId.value(), origin.clientIp(), reason.name(), clock.instant())) {
      audit
          .event(refusedEvent, environmentId, origin)
          .actor(actor)
          .failure(reason.name().toLowerCase(Locale.ROOT));
    }
  }

  /** What is counted: the client address in this environment, apart from every other count. */
  private List<String> subjects(EnvironmentId environmentId, RequestOrigin origin) {
    String client = origin.clientIp().isBlank() ? "unknown" : origin.clientIp();
    String subject = endpoint + "-ip:" + environmentId.value() + ":" + client;
    return List.of(
        subject.length() <= SignInTally.MAX_SUBJECT
            ? subject
            : subject.substring(0, SignInTally.MAX_SUBJECT));
  }
}
