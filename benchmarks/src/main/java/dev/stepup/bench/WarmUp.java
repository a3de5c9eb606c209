package dev.stepup.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Repeats a warm-up round until the servers' JIT compilers fall quiet during one, so that measured
 * runs see compiled code, however long compilation takes on the machine at hand.
 */
final class WarmUp {

  /** A round is quiet when the compilers used less than this share of one core during it. */
  static final double QUIET_SHARE = 0.05;

  private final Duration cap;

  WarmUp(Duration cap) {
    this.cap = cap;
  }

  /**
   * Runs {@code round} at least once and again while the compilers were busy in the last one, until
   * {@code cap} has passed; answers a note saying how long it took and whether it fell quiet.
   */
  String repeat(String what, Supplier<Duration> compilerCpu, Callable<?> round) throws Exception {
    long started = System.nanoTime();
    double share;
    do {
      long roundStarted = System.nanoTime();
      Duration before = compilerCpu.get();
      round.call();
      share =
          (double) compilerCpu.get().minus(before).toNanos()
              / Math.max(1, System.nanoTime() - roundStarted);
      System.out.printf(
          Locale.ROOT, "%s: the JIT used %.0f %% of a core in this round%n", what, 100 * share);
    } while (share >= QUIET_SHARE && System.nanoTime() - started < cap.toNanos());
    return String.format(
        Locale.ROOT,
        "%s warmed up for %.0f s; the JIT used %.0f %% of a core in the last round%s",
        what,
        (System.nanoTime() - started) / 1e9,
        100 * share,
        share < QUIET_SHARE ? "" : " (still compiling when the warm-up limit was reached)");
  }
}
