package dev.stepup.application.fakes;

import dev.stepup.application.port.out.retention.DeadRows;
import dev.stepup.domain.retention.DeadData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Rows by the instant their life ended; records each batch statement. */
public final class InMemoryDeadRows implements DeadRows {
  private final Map<DeadData, List<Instant>> rows = new EnumMap<>(DeadData.class);
  public final List<String> statements = new ArrayList<>();
  public Consumer<DeadData> beforeEachBatch = kind -> {};

  public synchronized void add(DeadData kind, Instant endedAt) {
    rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(endedAt);
  }

  public synchronized List<Instant> left(DeadData kind) {
    return List.copyOf(rows.getOrDefault(kind, List.of()));
  }

  @Override
  public int deleteBatch(DeadData kind, Instant endedBefore, int batchSize) {
    beforeEachBatch.accept(kind);
    synchronized (this) {
      int deleted = 0;
      Iterator<Instant> it = rows.getOrDefault(kind, new ArrayList<>()).iterator();
      while (it.hasNext() && deleted < batchSize) {
        if (it.next().isBefore(endedBefore)) {
          it.remove();
          deleted++;
        }
      }
      statements.add(kind + ":" + deleted);
      return deleted;
    }
  }
}
