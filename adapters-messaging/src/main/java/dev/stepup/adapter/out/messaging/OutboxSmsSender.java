package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Clock;

/**
 * Development transport of texts: into the outbox the console shows. Used only when no SMS gateway
 * is configured.
 */
public final class OutboxSmsSender implements SmsTransport {

  private final Outbox outbox;
  private final Clock clock;

  public OutboxSmsSender(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void send(EnvironmentId environmentId, String phoneNumber, String text) {
    outbox.add(
        new Outbox.OutboxMessage(environmentId, "sms", phoneNumber, "", text, clock.instant()));
  }
}
