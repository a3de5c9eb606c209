package dev.stepup.server;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages are sent by a background worker after the request's transaction commits; tests that read
 * what was mailed, texted or put in the outbox first wait (bounded) until no message is due or
 * being sent.
 */
public final class Deliveries {

  private static final long PATIENCE_MILLIS = 5_000;

  private Deliveries() {}

  /** Waits up to 5 s until every message that is due has been sent (or failed). */
  public static void settle(JdbcClient jdbc) {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      long busy =
          jdbc.sql(
                  "SELECT COUNT(*) FROM deliveries WHERE status = 'sending'"
                      + " OR (status = 'queued' AND next_attempt_at <= ?)")
              .param(Instant.now().atOffset(ZoneOffset.UTC))
              .query(Long.class)
              .single();
      if (busy == 0) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
