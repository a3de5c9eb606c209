package dev.stepup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time a JVM's JIT compiler threads have used, read from Linux's {@code /proc}: on two cores
 * the JIT of a server this size compiles for minutes under load, and a run measured while it still
 * does is billed for it.
 */
final class JitCompilers {

  /** Linux reports thread times in clock ticks of 1/100 s on every architecture it runs here. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private JitCompilers() {}

  /** The compiler threads' CPU time in {@code process} and its descendants (a launcher's JVM). */
  static Duration cpu(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants())
        .map(JitCompilers::ofProcess)
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static Duration ofProcess(ProcessHandle process) {
    Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
    try (Stream<Path> threads = Files.list(tasks)) {
      return Duration.ofNanos(
          threads.mapToLong(JitCompilers::compilerTicks).sum() * NANOS_PER_TICK);
    } catch (IOException gone) {
      return Duration.ZERO; // the process ended, or this is not Linux
    }
  }

  /** A thread's user and system ticks if HotSpot named it a compiler thread, else 0. */
  private static long compilerTicks(Path thread) {
    try {
      String name = Files.readString(thread.resolve("comm")).strip();
      if (!name.matches("C[12] CompilerThre.*")) {
        return 0;
      }
      String stat = Files.readString(thread.resolve("stat"));
      // Fields after the name's closing parenthesis start at the third: state, ppid, ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0; // the thread ended while being read
    }
  }
}
