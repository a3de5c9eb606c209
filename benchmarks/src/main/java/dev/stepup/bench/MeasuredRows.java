package dev.stepup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The harness's rows, each with the CPU time the servers used per request during its run: unlike
 * req/s, that cost does not depend on how much of the machine wrk or anything else took.
 */
final class MeasuredRows {

  private static final Duration QUIET_WINDOW = Duration.ofMillis(500);
  private static final Duration QUIET_PATIENCE = Duration.ofMinutes(2);

  private final List<Report.Row> rows = new ArrayList<>();

  /**
   * Runs one load and keeps its row. It starts once the servers are quiet, so that work an earlier
   * run left behind (audit records still to seal, compilation) is not billed to this one.
   */
  WrkResult add(String system, Supplier<Duration> serverCpu, String note, Callable<WrkResult> run)
      throws Exception {
    return add(system, serverCpu, () -> Duration.ZERO, note, run);
  }

  /**
   * As {@link #add(String, Supplier, String, Callable)}, starting once {@code besides} (servers
   * left running beside the measured one) is quiet too, so that their leftover work does not share
   * the machine with this run; only the measured servers' CPU is billed.
   */
  WrkResult add(
      String system,
      Supplier<Duration> serverCpu,
      Supplier<Duration> besides,
      String note,
      Callable<WrkResult> run)
      throws Exception {
    awaitQuiet(() -> serverCpu.get().plus(besides.get()));
    Duration before = serverCpu.get();
    WrkResult result = run.call();
    double millis = serverCpu.get().minus(before).toNanos() / 1e6;
    rows.add(new Report.Row(system, result, note, millis / Math.max(1, result.requests())));
    return result;
  }

  /**
   * Waits (two minutes at most) until the servers use under a tenth of a core over half a second.
   */
  private static void awaitQuiet(Supplier<Duration> serverCpu) throws InterruptedException {
    long started = System.nanoTime();
    Duration last = serverCpu.get();
    while (System.nanoTime() - started < QUIET_PATIENCE.toNanos()) {
      Thread.sleep(QUIET_WINDOW.toMillis());
      Duration now = serverCpu.get();
      boolean quiet = now.minus(last).compareTo(QUIET_WINDOW.dividedBy(10)) < 0;
      last = now;
      if (quiet) {
        break;
      }
    }
    System.out.printf(Locale.ROOT, "quiet after %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  List<Report.Row> list() {
    return List.copyOf(rows);
  }
}
