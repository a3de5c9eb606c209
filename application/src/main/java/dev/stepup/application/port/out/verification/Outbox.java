package dev.stepup.application.port.out.verification;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;

/**
 * Development outbox: messages that would have been emailed or texted when no SMTP server or SMS
 * gateway is configured. Development only: it holds codes in clear, as a mailbox would.
 */
public interface Outbox {

  void add(OutboxMessage message);

  /** Newest first. */
  List<OutboxMessage> recent(EnvironmentId environmentId, int limit);

  /** A message as it would have been sent. */
  record OutboxMessage(
      EnvironmentId environmentId,
      String channel,
      String recipient,
      String subject,
      String body,
      Instant at) {}
}
