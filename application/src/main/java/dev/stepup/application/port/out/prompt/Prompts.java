package dev.stepup.application.port.out.prompt;

import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptId;
import java.time.Instant;
import java.util.Optional;

/**
 * Step-up prompts, found by id or by the digest of their launch ticket or result code. The writes
 * that spend something are conditional, so of two concurrent attempts exactly one wins.
 */
public interface Prompts {

  void add(Prompt prompt);

  Optional<Prompt> find(PromptId id);

  Optional<Prompt> findByLaunchTicket(String ticketDigest);

  Optional<Prompt> findByResultCode(String codeDigest);

  /**
   * Stores that the prompt was opened (its ticket's use and the visitor digest), only if its ticket
   * was not used yet; answers whether this call opened it.
   */
  boolean opened(Prompt prompt);

  /**
   * Stores the prompt's outcome (status, reason, finish time, result code) and, for a redirect
   * prompt that succeeded, its sealed tokens, only if it was still pending; answers whether this
   * call finished it.
   */
  boolean finished(Prompt prompt, Optional<String> sealedTokens);

  /** The sealed tokens waiting for the result code's exchange. */
  Optional<String> sealedTokens(PromptId id);

  /**
   * Marks the result code used and forgets the sealed tokens, only if it was unused; answers
   * whether this call spent it.
   */
  boolean exchanged(PromptId id, Instant at);
}
