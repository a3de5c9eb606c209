package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.EmailTransport;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;

/**
 * Development transport of email: into the outbox the console shows. Used only when no SMTP server
 * is configured.
 */
public final class OutboxEmailSender implements EmailTransport {

  private final Outbox outbox;
  private final Clock clock;

  public OutboxEmailSender(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void send(EnvironmentId environmentId, String toAddress, String subject, String body) {
    outbox.add(
        new Outbox.OutboxMessage(
            environmentId, "email", toAddress, subject, body, clock.instant()));
  }
}
