package dev.stepup.application.port.out.retention;

import java.time.Duration;
import java.time.Instant;

/** Leases that let one node at a time run a background job; a dead node's lease runs out. */
public interface JobLeases {

  /**
   * Takes or renews the lease of {@code job} for {@code holder} until {@code now + length}; false
   * while another holder's lease has not yet run out.
   */
  boolean claim(String job, String holder, Instant now, Duration length);

  /** Gives the lease up early, if {@code holder} still has it. */
  void release(String job, String holder);
}
