package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
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
}
