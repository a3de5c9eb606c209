package dev.stepup.application.service.delivery;

import dev.stepup.application.port.in.delivery.ReadOutboxUseCase;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Objects;

/** Reads the development outbox for the console. */
public final class ReadOutboxService implements ReadOutboxUseCase {

  private final Outbox outbox;

  public ReadOutboxService(Outbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public List<OutboxEntry> recent(EnvironmentId environmentId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more");
    }
    return outbox.recent(environmentId, limit).stream()
        .map(m -> new OutboxEntry(m.channel(), m.recipient(), m.subject(), m.body(), m.at()))
        .toList();
  }
}
