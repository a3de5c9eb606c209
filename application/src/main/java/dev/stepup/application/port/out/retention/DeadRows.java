package dev.stepup.application.port.out.retention;

import dev.stepup.domain.retention.DeadData;
import java.time.Instant;

/** Deletes dead rows a small batch at a time, each batch its own short transaction. */
public interface DeadRows {

  /**
   * Deletes at most {@code batchSize} rows of this kind whose life ended before {@code
   * endedBefore}; answers how many went (fewer than the batch size: none are left).
   */
  int deleteBatch(DeadData kind, Instant endedBefore, int batchSize);
}
