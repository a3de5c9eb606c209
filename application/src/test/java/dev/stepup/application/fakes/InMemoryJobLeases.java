package dev.stepup.application.fakes;

import dev.stepup.application.port.out.retention.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Job leases in memory, with the database's rule: free, expired, or already yours. */
public final class InMemoryJobLeases implements JobLeases {
  private record Lease(String holder, Instant until) {}

  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized boolean claim(String job, String holder, Instant now, Duration length) {
    Lease held = leases.get(job);
    if (held != null && !held.holder().equals(holder) && held.until().isAfter(now)) {
      return false;
    }
    leases.put(job, new Lease(holder, now.plus(length)));
    return true;
  }

  @Override
  public synchronized void release(String job, String holder) {
    Lease held = leases.get(job);
    if (held != null && held.holder().equals(holder)) {
      leases.remove(job);
    }
  }

  public synchronized String holder(String job) {
    Lease held = leases.get(job);
    return held == null ? null : held.holder();
  }
}
