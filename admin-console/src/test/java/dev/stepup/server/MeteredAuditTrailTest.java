package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.RecordingAuditTrail;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class MeteredAuditTrailTest {

  private final RecordingAuditTrail trail = new RecordingAuditTrail();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MeteredAuditTrail metered = new MeteredAuditTrail(trail, meters);

  @Test
  void everyEventReachesTheTrailAndStepUpEventsAreCounted() {
    metered.record(event(AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, "invalid_code"));
    metered.record(event(AuditEventType.SETTINGS_CHANGED, AuditEvent.Outcome.SUCCESS, "x"));

    assertThat(trail.events()).hasSize(2);
    assertThat(
            meters
                .get("stepup.verifications")
                .tags("environment", "shop", "method", "email_otp", "outcome", "failure")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.getMeters()).hasSize(1);
  }

  @Test
  void reasonsThatNameSomeoneOrSomethingSecretNeverBecomeTags() {
    AuditEvent adminLockout =
        new AuditEvent(
            Instant.EPOCH,
            Optional.empty(),
            AuditEventType.LOCKOUT,
            AuditEvent.Outcome.FAILURE,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.of("admin_sign_in:alice@example.test:203.0.113.7"),
            Optional.of("alice@example.test"),
            RequestOrigin.internal());
    metered.record(adminLockout);
    // Introspection records the consumed token's id as the reason.
    metered.record(event(AuditEventType.TOKEN_CONSUMED, AuditEvent.Outcome.SUCCESS, "tok_s3cr3t"));
    metered.record(event(AuditEventType.TOKEN_REFUSED, AuditEvent.Outcome.FAILURE, "tok_s3cr3t"));

    assertThat(
            meters
                .get("stepup.lockouts")
                .tags("environment", "none", "method", "none", "kind", "admin_sign_in")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.get("stepup.tokens.refused").tag("reason", "other").counter().count())
        .isEqualTo(1);
    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue())
            .as(meter.getId().toString())
            .doesNotContain("alice")
            .doesNotContain("203.0.113.7")
            .doesNotContain("tok_")
            .doesNotContain("u-1");
      }
    }
  }

  @Test
  void anEventRolledBackWithItsTransactionIsNotCounted() {
    TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactions());
    transactions.executeWithoutResult(
        status -> {
          metered.record(event(AuditEventType.TOKEN_REVOKED, AuditEvent.Outcome.SUCCESS, "x"));
          status.setRollbackOnly();
        });
    assertThat(meters.find("stepup.tokens.revoked").counter()).isNull();

    transactions.executeWithoutResult(
        status -> {
          metered.record(event(AuditEventType.TOKEN_REVOKED, AuditEvent.Outcome.SUCCESS, "x"));
          assertThat(meters.find("stepup.tokens.revoked").counter()).as("before commit").isNull();
        });
    assertThat(meters.get("stepup.tokens.revoked").counter().count()).isEqualTo(1);
  }

  private static AuditEvent event(AuditEventType type, AuditEvent.Outcome outcome, String reason) {
    return new AuditEvent(
        Instant.EPOCH,
        Optional.of(new EnvironmentId("shop")),
        type,
        outcome,
        Optional.of(new UserId("u-1")),
        Optional.empty(),
        Set.of(),
        Optional.of(VerificationMethod.EMAIL_OTP),
        Optional.of(reason),
        Optional.empty(),
        RequestOrigin.internal());
  }

  /** Real transaction synchronization without a database. */
  private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
