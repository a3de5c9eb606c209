package dev.stepup.application.service;

import dev.stepup.application.port.in.admin.AdminSignInUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.domain.access.SignInTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Throttles and audits console sign-ins; the counts live behind {@link SignInTallies}. */
public final class AdminSignInService implements AdminSignInUseCase {

  private static final int MAX_RACES = 20;
  private static final int MAX_USERNAME = 100;

  private final SignInTallies tallies;
  private final Audit audit;
  private final Clock clock;

  public AdminSignInService(SignInTallies tallies, AuditTrail auditTrail, Clock clock) {
    this.tallies = tallies;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Optional<Duration> begin(String username, RequestOrigin origin) {
    List<String> subjects = subjects(username, origin);
    Optional<Duration> refused = longest(subjects, this::remaining);
    if (refused.isEmpty()) {
      refused = longest(subjects, subject -> count(subject, username, origin));
    }
    refused.ifPresent(
        wait ->
            audit
                .event(AuditEventType.ADMIN_SIGN_IN, null, origin)
                .actor(actor(username))
                .failure("throttled"));
    return refused;
  }

  private static Optional<Duration> longest(
      List<String> subjects, Function<String, Optional<Duration>> wait) {
    return subjects.stream().map(wait).flatMap(Optional::stream).max(Comparator.naturalOrder());
  }

  private Optional<Duration> remaining(String subject) {
    return tallies.find(subject).flatMap(t -> t.lockRemaining(clock.instant()));
  }

  /** Counts one failure of {@code subject}; answers the time left when it was already locked. */
  private Optional<Duration> count(String subject, String username, RequestOrigin origin) {
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
          audit
              .event(AuditEventType.LOCKOUT, null, origin)
              .actor(actor(username))
              .failure("admin_sign_in:" + subject);
        }
        return Optional.empty();
      }
    }
    // Under this much contention, refuse rather than let an attempt go uncounted.
    return Optional.of(Duration.ofSeconds(1));
  }

  @Override
  public void failed(String username, RequestOrigin origin) {
    audit
        .event(AuditEventType.ADMIN_SIGN_IN, null, origin)
        .actor(actor(username))
        .failure("bad_credentials");
  }

  @Override
  public void succeeded(String username, RequestOrigin origin) {
    subjects(username, origin).forEach(tallies::clear);
    audit.event(AuditEventType.ADMIN_SIGN_IN, null, origin).actor(actor(username)).success();
  }

  @Override
  public void signedOut(String username, RequestOrigin origin) {
    audit.event(AuditEventType.ADMIN_SIGN_OUT, null, origin).actor(actor(username)).success();
  }

  /** The username (case folded, so {@code Admin} and {@code admin} share a count) and address. */
  static List<String> subjects(String username, RequestOrigin origin) {
    String user = "user:" + actor(username).toLowerCase(Locale.ROOT);
    String ip = origin.clientIp().isBlank() ? "ip:unknown" : "ip:" + origin.clientIp();
    return List.of(truncate(user, SignInTally.MAX_SUBJECT), truncate(ip, SignInTally.MAX_SUBJECT));
  }

  private static String actor(String username) {
    String name = username == null ? "" : username.strip();
    return truncate(name, MAX_USERNAME);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
