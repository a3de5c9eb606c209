package dev.stepup.server;

import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The captured log once it holds what must be there and nothing more is being written: log lines
 * are written by a background thread (ADR 0036), a moment after the request that made them.
 */
public final class LogOutput {

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final long QUIET_MILLIS = 150;

  private LogOutput() {}

  public static String settled(CapturedOutput output, Predicate<String> written)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String all = output.getAll();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_MILLIS);
      String now = output.getAll();
      if (written.test(now) && now.equals(all)) {
        return now;
      }
      all = now;
    }
    return all;
  }
}
