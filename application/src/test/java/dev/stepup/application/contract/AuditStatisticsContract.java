package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link AuditStatistics} promises the dashboard: counts per type, outcome and method. */
public abstract class AuditStatisticsContract extends PortContract {

  private void event(
      Instant at,
      EnvironmentId env,
      AuditEventType type,
      AuditEvent.Outcome outcome,
      Optional<VerificationMethod> method) {
    stores
        .auditTrail()
        .record(
            new AuditEvent(
                at,
                Optional.of(env),
                type,
                outcome,
                Optional.of(new UserId("usr_ann")),
                Optional.empty(),
                Set.of(),
                method,
                Optional.empty(),
                Optional.empty(),
                RequestOrigin.internal()));
  }

  @Test
  void auditEventsAreCountedByTypeOutcomeAndMethodSinceAnInstant() {
    Optional<VerificationMethod> email = Optional.of(VerificationMethod.EMAIL_OTP);
    Optional<VerificationMethod> totp = Optional.of(VerificationMethod.TOTP);
    event(T0.minusSeconds(1), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0, ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0.plusSeconds(5), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);
    event(T0.plusSeconds(6), ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, totp);
    event(T0, ENV, AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, totp);
    event(T0, ENV, AuditEventType.LOCKOUT, AuditEvent.Outcome.FAILURE, Optional.empty());
    event(T0, OTHER_ENV, AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email);

    assertThat(stores.auditStatistics().countSince(ENV, T0))
        .containsExactlyInAnyOrder(
            new AuditStatistics.Count(
                AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, email, 2),
            new AuditStatistics.Count(
                AuditEventType.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, totp, 1),
            new AuditStatistics.Count(
                AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, totp, 1),
            new AuditStatistics.Count(
                AuditEventType.LOCKOUT, AuditEvent.Outcome.FAILURE, Optional.empty(), 1));
  }

  private void scoped(
      Instant at, EnvironmentId env, AuditEventType type, Set<Scope> scopes, String reason) {
    stores
        .auditTrail()
        .record(
            new AuditEvent(
                at,
                Optional.of(env),
                type,
                AuditEvent.Outcome.SUCCESS,
                Optional.of(new UserId("usr_ann")),
                Optional.empty(),
                scopes,
                Optional.empty(),
                Optional.of(reason),
                Optional.empty(),
                RequestOrigin.internal()));
  }

  @Test
  void eventsOfOneTypeAreCountedPerScopeAndReasonSinceAnInstant() {
    AuditEventType monitored = AuditEventType.STEP_UP_MONITORED;
    Set<Scope> export = Set.of(Scope.WALLET_EXPORT);
    scoped(T0.minusSeconds(1), ENV, monitored, export, "check");
    scoped(T0, ENV, monitored, export, "check");
    scoped(T0.plusSeconds(1), ENV, monitored, export, "check");
    scoped(T0.plusSeconds(2), ENV, monitored, export, "action");
    scoped(T0, ENV, monitored, Set.of(Scope.WALLET_SIGN, Scope.WALLET_EXPORT), "check");
    scoped(T0, ENV, AuditEventType.STEP_UP_CHECK, export, "not_required");
    scoped(T0, OTHER_ENV, monitored, export, "check");

    assertThat(stores.auditStatistics().countByScopeSince(ENV, monitored, T0))
        .containsExactlyInAnyOrder(
            new AuditStatistics.ScopeCount(Scope.WALLET_EXPORT, Optional.of("check"), 3),
            new AuditStatistics.ScopeCount(Scope.WALLET_EXPORT, Optional.of("action"), 1),
            new AuditStatistics.ScopeCount(Scope.WALLET_SIGN, Optional.of("check"), 1));
  }
}
