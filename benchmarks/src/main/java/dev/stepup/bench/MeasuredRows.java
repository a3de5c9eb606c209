package dev.stepup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The harness's rows, each with the CPU time the servers used per request during its run: unlike
 * req/s, that cost does not depend on how much of the machine wrk or anything else took.
 */
final class MeasuredRows {

  private final List<Report.Row> rows = new ArrayList<>();

  /** Runs one load and keeps its row. */
  WrkResult add(String system, Supplier<Duration> serverCpu, String note, Callable<WrkResult> run)
      throws Exception {
    Duration before = serverCpu.get();
    WrkResult result = run.call();
    double millis = serverCpu.get().minus(before).toNanos() / 1e6;
    rows.add(new Report.Row(system, result, note, millis / Math.max(1, result.requests())));
    return result;
  }

  List<Report.Row> list() {
    return List.copyOf(rows);
  }
}
