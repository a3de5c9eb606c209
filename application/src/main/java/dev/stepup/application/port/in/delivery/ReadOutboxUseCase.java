package dev.stepup.application.port.in.delivery;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The development outbox: what would have been emailed or texted while no SMTP server or SMS
 * gateway is configured. Development only: it holds codes in clear, as a mailbox would.
 */
public interface ReadOutboxUseCase {

  /** The environment's newest messages first, at most {@code limit}. */
  List<OutboxEntry> recent(EnvironmentId environmentId, int limit);

  /** A message as it would have been sent. */
  record OutboxEntry(String channel, String recipient, String subject, String body, Instant at) {
    public OutboxEntry {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(at, "at");
    }
  }
}
