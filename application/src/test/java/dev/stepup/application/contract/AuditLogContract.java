package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link AuditTrail} and {@link AuditLog} promise: every field kept, newest first. */
public abstract class AuditLogContract extends PortContract {

  AuditTrail audit;
  AuditLog log;

  @BeforeEach
  void audit() {
    audit = stores.auditTrail();
    log = stores.auditLog();
  }

  static AuditLog.Query everything(int page, int pageSize) {
    return new AuditLog.Query(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), page, pageSize);
  }

  @Test
  void auditEventsAreStoredAndReadBackNewestFirst() {
    audit.record(
        new AuditEvent(
            T0,
            Optional.of(ENV),
            AuditEventType.VERIFICATION,
            AuditEvent.Outcome.FAILURE,
            Optional.of(new UserId("usr_a")),
            Optional.of(new SessionId("ses_1")),
            Set.of(Scope.WALLET_EXPORT),
            Optional.of(VerificationMethod.TOTP),
            Optional.of("invalid_code"),
            Optional.empty(),
            new RequestOrigin("203.0.113.9", "curl/8")));
    audit.record(
        new AuditEvent(
            T0.plusSeconds(1),
            Optional.empty(),
            AuditEventType.BOOTSTRAP,
            AuditEvent.Outcome.SUCCESS,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("server"),
            RequestOrigin.internal()));
    // Read through the port (the JDBC adapter's own recent(n) answered the same before).
    List<AuditEvent> recent = log.search(everything(0, 10));
    assertThat(recent)
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.BOOTSTRAP, AuditEventType.VERIFICATION);
    AuditEvent failure = recent.get(1);
    assertThat(failure.reason()).contains("invalid_code");
    assertThat(failure.method()).contains(VerificationMethod.TOTP);
    assertThat(failure.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(failure.origin()).isEqualTo(new RequestOrigin("203.0.113.9", "curl/8"));
    assertThat(failure.sessionId()).contains(new SessionId("ses_1"));
    assertThat(recent.get(0).actor()).contains("server");
  }

  @Test
  void auditSearchFiltersAndPagesNewestFirst() {
    for (int i = 0; i < 3; i++) {
      audit.record(
          new AuditEvent(
              T0.plusSeconds(i),
              Optional.of(ENV),
              AuditEventType.VERIFICATION,
              i == 1 ? AuditEvent.Outcome.FAILURE : AuditEvent.Outcome.SUCCESS,
              Optional.of(new UserId("usr_" + i)),
              Optional.empty(),
              Set.of(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              RequestOrigin.internal()));
    }
    var any =
        new AuditLog.Query(
            Optional.of(ENV), Optional.empty(), Optional.empty(), Optional.empty(), 0, 2);
    assertThat(log.search(any))
        .extracting(e -> e.userId().orElseThrow().value())
        .containsExactly("usr_2", "usr_1");
    assertThat(
            log.search(
                new AuditLog.Query(
                    Optional.of(ENV),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(AuditEvent.Outcome.FAILURE),
                    0,
                    10)))
        .hasSize(1);
    assertThat(
            log.search(
                new AuditLog.Query(
                    Optional.of(ENV),
                    Optional.of(new UserId("usr_0")),
                    Optional.empty(),
                    Optional.empty(),
                    1,
                    2)))
        .isEmpty();
    assertThat(
            log.search(
                new AuditLog.Query(
                    Optional.of(OTHER_ENV),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    10)))
        .isEmpty();
    assertThat(log.search(everything(1, 2)))
        .extracting(e -> e.userId().orElseThrow().value())
        .containsExactly("usr_0");
  }
}
