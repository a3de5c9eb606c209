package dev.stepup.application.fakes;

import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.ArrayList;
import java.util.List;

/** The development outbox in memory: the newest messages first, as the table lists them. */
public final class InMemoryOutbox implements Outbox {
  private final List<OutboxMessage> added = new ArrayList<>();

  @Override
  public synchronized void add(OutboxMessage message) {
    added.add(message);
  }

  @Override
  public synchronized List<OutboxMessage> recent(EnvironmentId environmentId, int limit) {
    List<OutboxMessage> newestFirst = new ArrayList<>();
    for (int i = added.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      if (added.get(i).environmentId().equals(environmentId)) {
        newestFirst.add(added.get(i));
      }
    }
    return newestFirst;
  }
}
