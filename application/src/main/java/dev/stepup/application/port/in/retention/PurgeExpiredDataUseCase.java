package dev.stepup.application.port.in.retention;

import dev.stepup.domain.retention.DeadData;
import java.util.Map;

/** Deletes rows whose life ended longer ago than their retention; run on a schedule. */
public interface PurgeExpiredDataUseCase {

  /** One purge run; at most one node runs at a time, the others answer at once. */
  PurgeResult purgeExpiredData();

  /**
   * What a run did.
   *
   * @param ran false when another node held the purge
   * @param deleted rows deleted per kind (kinds with none left out)
   */
  record PurgeResult(boolean ran, Map<DeadData, Integer> deleted) {
    public PurgeResult {
      deleted = Map.copyOf(deleted);
    }

    public int total() {
      return deleted.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
