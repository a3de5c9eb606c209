package dev.stepup.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxSendersTest {

  final List<Outbox.OutboxMessage> kept = new ArrayList<>();
  final Outbox outbox =
      new Outbox() {
        @Override
        public void add(OutboxMessage message) {
          kept.add(message);
        }

        @Override
        public List<OutboxMessage> recent(EnvironmentId environmentId, int limit) {
          return List.copyOf(kept);
        }
      };
  final Instant now = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void emailsAndTextsLandInTheOutbox() {
    MutableClock clock = new MutableClock(now);
    new OutboxEmailSender(outbox, clock)
        .send(new EnvironmentId("demo"), "alice@example.com", "Your code", "Code 123456");
    new OutboxSmsSender(outbox, clock)
        .send(new EnvironmentId("demo"), "+14155550123", "Code 654321");
    assertThat(kept)
        .containsExactly(
            new Outbox.OutboxMessage(
                new EnvironmentId("demo"),
                "email",
                "alice@example.com",
                "Your code",
                "Code 123456",
                now),
            new Outbox.OutboxMessage(
                new EnvironmentId("demo"), "sms", "+14155550123", "", "Code 654321", now));
  }
}
