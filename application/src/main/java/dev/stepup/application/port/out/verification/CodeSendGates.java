package dev.stepup.application.port.out.verification;

import java.time.Instant;
import java.util.Optional;

/**
 * When a code was last sent to a subject (a session, or an address signing in), as one row that
 * senders claim with a compare-and-set: of concurrent sends that saw the same last send, exactly
 * one may go. Claimed in the transaction that stores the code, so the code and the claim commit
 * together.
 */
public interface CodeSendGates {

  /** When the subject was last sent a code, if ever. */
  Optional<Instant> lastSent(String subject);

  /**
   * Records a send at {@code now} only if the last send is still {@code expectedLast} (absent:
   * never); answers whether this caller won.
   */
  boolean claim(String subject, Optional<Instant> expectedLast, Instant now);
}
