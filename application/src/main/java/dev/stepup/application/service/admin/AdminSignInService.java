package dev.stepup.application.service.admin;

import dev.stepup.application.port.in.admin.AdminSignInAttempt;
import dev.stepup.application.port.in.admin.BeginAdminSignInUseCase;
import dev.stepup.application.port.in.admin.CompleteAdminSignInUseCase;
import dev.stepup.application.port.in.admin.FailAdminSignInUseCase;
import dev.stepup.application.port.in.admin.SignOutAdminUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.signin.SignInThrottle;
import dev.stepup.domain.access.SignInTally;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Throttles and audits console sign-ins; the counts live behind {@link SignInTallies}. */
public final class AdminSignInService
    implements BeginAdminSignInUseCase,
        FailAdminSignInUseCase,
        CompleteAdminSignInUseCase,
        SignOutAdminUseCase {

  private static final int MAX_USERNAME = 100;

  private final SignInThrottle throttle;
  private final Audit audit;

  public AdminSignInService(SignInTallies tallies, AuditTrail auditTrail, Clock clock) {
    this.audit = new Audit(auditTrail, clock);
    this.throttle = new SignInThrottle(tallies, audit, clock);
  }

  @Override
  public Optional<Duration> begin(AdminSignInAttempt attempt) {
    String username = attempt.username();
    RequestOrigin origin = attempt.origin();
    Optional<Duration> refused =
        throttle.attempt(subjects(username, origin), actor(username), origin, "admin_sign_in:");
    refused.ifPresent(
        wait ->
            audit
                .event(AuditEventType.ADMIN_SIGN_IN, null, origin)
                .actor(actor(username))
                .failure("throttled"));
    return refused;
  }

  @Override
  public void failed(AdminSignInAttempt attempt) {
    String username = attempt.username();
    RequestOrigin origin = attempt.origin();
    audit
        .event(AuditEventType.ADMIN_SIGN_IN, null, origin)
        .actor(actor(username))
        .failure("bad_credentials");
  }

  @Override
  public void succeeded(AdminSignInAttempt attempt) {
    String username = attempt.username();
    RequestOrigin origin = attempt.origin();
    throttle.forget(subjects(username, origin));
    audit.event(AuditEventType.ADMIN_SIGN_IN, null, origin).actor(actor(username)).success();
  }

  @Override
  public void signedOut(AdminSignInAttempt attempt) {
    String username = attempt.username();
    RequestOrigin origin = attempt.origin();
    audit.event(AuditEventType.ADMIN_SIGN_OUT, null, origin).actor(actor(username)).success();
  }

  /** The username (case folded, so {@code Admin} and {@code admin} share a count) and address. */
  static List<String> subjects(String username, RequestOrigin origin) {
    String user = "user:" + actor(username).toLowerCase(Locale.ROOT);
    String ip = origin.clientIp().isBlank() ? "ip:unknown" : "ip:" + origin.clientIp();
    return List.of(truncate(user, SignInTally.MAX_SUBJECT), truncate(ip, SignInTally.MAX_SUBJECT));
  }

  static String actor(String username) {
    String name = username == null ? "" : username.strip();
    return truncate(name, MAX_USERNAME);
  }

  static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
