package dev.stepup.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a refused bearer credential is written to the audit trail, so a flood of bad keys
 * or tokens cannot fill it: at most one row per environment, client address and reason per minute,
 * and at most {@link #DEFAULT_CEILING} rows a minute in all (a flood from many addresses).
 *
 * <p>Counted in memory on each node rather than in the database: a shared counter would cost a
 * database write for every refused request, the very load a flood brings. With N nodes the bound is
 * N times as many rows, which is still a bound.
 */
public final class RefusalAuditGate {

  public static final Duration WINDOW = Duration.ofMinutes(1);
  public static final int DEFAULT_CEILING = 60;

  private final int ceiling;
  // Last time each (environment, client, reason) was written; pruned every window, so it holds at
  // most about twice the ceiling.
  private final Map<String, Instant> lastWritten = new HashMap<>();
  private Instant windowStart;
  private int writtenInWindow;

  public RefusalAuditGate() {
    this(DEFAULT_CEILING);
  }

  public RefusalAuditGate(int ceiling) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("ceiling must be positive");
    }
    this.ceiling = ceiling;
  }

  /** Whether this refusal gets an audit row; if so, it counts against the limits. */
  public synchronized boolean admit(String environment, String client, String reason, Instant now) {
    // A clock set back (NTP, tests) starts a fresh window rather than silencing the audit.
    if (windowStart == null || !within(windowStart, now)) {
      windowStart = now;
      writtenInWindow = 0;
      lastWritten.values().removeIf(at -> !within(at, now));
    }
    String key =
        Objects.toString(environment, "") + '\n' + Objects.toString(client, "") + '\n' + reason;
    Instant last = lastWritten.get(key);
    if (last != null && within(last, now)) {
      return false;
    }
    if (writtenInWindow >= ceiling) {
      return false;
    }
    lastWritten.put(key, now);
    writtenInWindow++;
    return true;
  }

  private static boolean within(Instant start, Instant now) {
    return !now.isBefore(start) && now.isBefore(start.plus(WINDOW));
  }
}
