package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.RecordedAuditLog;
import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.audit.AuditLogQuery;
import dev.stepup.application.port.in.delivery.ReadOutboxUseCase.OutboxEntry;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.application.service.audit.AuditLogService;
import dev.stepup.application.service.delivery.ReadOutboxService;
import dev.stepup.application.service.environment.FindEnvironmentsService;
import dev.stepup.application.service.mfa.RenderQrCodeService;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The read-only use cases the console's pages drive instead of reaching out-ports. */
class ConsoleQueriesTest {

  private final Fixture f = new Fixture();

  @Test
  void environmentsAreListedByIdAndAnUnknownOneIsNotFound() {
    FindEnvironmentsService environments = new FindEnvironmentsService(f.environments);

    assertThat(environments.all()).extracting(Environment::id).contains(Fixture.ENV);
    assertThat(environments.find(Fixture.ENV)).map(Environment::name).contains("Acme");
    assertThat(environments.find(new EnvironmentId("nowhere"))).isEmpty();
  }

  @Test
  void theOutboxShowsOnlyTheAskedEnvironmentsMessagesAndRefusesAnEmptyPage() {
    List<Outbox.OutboxMessage> sent = new ArrayList<>();
    Outbox outbox =
        new Outbox() {
          @Override
          public void add(OutboxMessage message) {
            sent.add(message);
          }

          @Override
          public List<OutboxMessage> recent(EnvironmentId environmentId, int limit) {
            return sent.stream()
                .filter(m -> m.environmentId().equals(environmentId))
                .limit(limit)
                .toList();
          }
        };
    Instant at = Instant.parse("2026-11-24T10:00:00Z");
    outbox.add(
        new Outbox.OutboxMessage(Fixture.ENV, "email", "ann@example.com", "Code", "123456", at));
    outbox.add(
        new Outbox.OutboxMessage(Fixture.OTHER_ENV, "sms", "+15550100", "Code", "654321", at));
    ReadOutboxService read = new ReadOutboxService(outbox);

    assertThat(read.recent(Fixture.ENV, 50))
        .containsExactly(new OutboxEntry("email", "ann@example.com", "Code", "123456", at));
    assertThatThrownBy(() -> read.recent(Fixture.ENV, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAuditLogIsFilteredAsTheAdminAsked() {
    UserId ann = new UserId("usr_ann");
    record(AuditEventType.SESSION_STARTED, AuditEvent.Outcome.SUCCESS, Optional.of(ann));
    record(AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE, Optional.of(ann));
    record(AuditEventType.VERIFICATION, AuditEvent.Outcome.SUCCESS, Optional.empty());
    AuditLogService log = new AuditLogService(new RecordedAuditLog(f.audit));

    List<AuditEntry> failures =
        log.read(
            new AuditLogQuery(
                Optional.of(Fixture.ENV),
                Optional.of(ann),
                Optional.of(AuditEventType.VERIFICATION.wire()),
                Optional.of(false),
                0,
                50));

    assertThat(failures)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(AuditEventType.VERIFICATION.wire());
              assertThat(e.succeeded()).isFalse();
              assertThat(e.userId()).contains(ann);
            });
  }

  @Test
  void anAuditLogPageOfMoreThan500IsRefused() {
    assertThatThrownBy(
            () ->
                new AuditLogQuery(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 501))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQrCodeIsDrawnForTheTextGivenAndNothingIsRefused() {
    RenderQrCodeService qr = new RenderQrCodeService(text -> text.getBytes());

    assertThat(qr.png("otpauth://totp/x")).isEqualTo("otpauth://totp/x".getBytes());
    assertThatThrownBy(() -> qr.png(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  private void record(AuditEventType type, AuditEvent.Outcome outcome, Optional<UserId> user) {
    f.audit.record(
        new AuditEvent(
            f.clock.instant(),
            Optional.of(Fixture.ENV),
            type,
            outcome,
            user,
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Fixture.ORIGIN));
  }
}
