package dev.stepup.application.port.out.security;

import dev.stepup.domain.access.SignInTally;
import java.util.Optional;

/**
 * Failed sign-ins per subject (console: username and client address; hosted sign-in by code:
 * address and client, under their own prefixes), kept in the database so throttling holds across
 * restarts and across every node.
 */
public interface SignInTallies {

  Optional<SignInTally> find(String subject);

  /**
   * Stores {@code next} only if the stored tally is still {@code expected} (absent: none stored);
   * of concurrent callers with the same expectation exactly one succeeds.
   */
  boolean compareAndSave(Optional<SignInTally> expected, SignInTally next);

  /** Forgets the subject's failures. */
  void clear(String subject);
}
