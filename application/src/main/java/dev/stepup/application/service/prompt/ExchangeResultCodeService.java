package dev.stepup.application.service.prompt;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.prompt.ExchangeResultCodeUseCase;
import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.prompt.OneTimeSecret;
import dev.stepup.domain.prompt.Prompt;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hands a redirect prompt's outcome to a host backend of its environment for the result code,
 * exactly once: the code is spent and the sealed tokens forgotten in one conditional write, so of
 * two concurrent exchanges one gets the tokens and the other a refusal.
 */
public final class ExchangeResultCodeService implements ExchangeResultCodeUseCase {

  private final Prompts prompts;
  private final SecretHasher hasher;
  private final SealedPromptTokens sealed;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public ExchangeResultCodeService(
      Prompts prompts,
      SecretHasher hasher,
      SecretCipher cipher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.prompts = prompts;
    this.hasher = hasher;
    this.sealed = new SealedPromptTokens(cipher);
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public PromptResult exchange(Command command) {
    Instant now = clock.instant();
    String code = command.resultCode().strip();
    Optional<Prompt> found =
        code.startsWith("prc_") ? prompts.findByResultCode(hasher.digest(code)) : Optional.empty();
    Optional<OneTimeSecret.Verdict> verdict =
        found.flatMap(p -> p.exchange(command.environmentId(), now));
    if (verdict.isEmpty()) {
      refused(command, Optional.empty(), "unknown result code");
      throw new RefusedException(RefusalReason.UNKNOWN_RESULT_CODE);
    }
    Prompt prompt = found.get();
    if (verdict.get() == OneTimeSecret.Verdict.EXPIRED) {
      refused(command, found, "expired result code");
      throw new RefusedException(RefusalReason.RESULT_CODE_EXPIRED);
    }
    if (verdict.get() == OneTimeSecret.Verdict.USED) {
      refused(command, found, "result code already exchanged");
      throw new RefusedException(RefusalReason.RESULT_CODE_USED);
    }
    Optional<String> waiting =
        transactions.inTransaction(
            () -> {
              Optional<String> tokens = prompts.sealedTokens(prompt.id());
              if (!prompts.exchanged(prompt.id(), now)) {
                return null;
              }
              entry(command, prompt).success(PromptWords.outcome(prompt));
              return tokens;
            });
    if (waiting == null) {
      refused(command, found, "result code already exchanged");
      throw new RefusedException(RefusalReason.RESULT_CODE_USED);
    }
    List<PromptToken> tokens = waiting.map(sealed::unseal).orElse(List.of());
    return new PromptResult(prompt.id(), prompt.status(), prompt.failureReason(), tokens);
  }

  private void refused(Command command, Optional<Prompt> prompt, String reason) {
    // A code of another environment is audited there as unknown: nothing about the prompt leaks.
    Optional<Prompt> own = prompt.filter(p -> p.environmentId().equals(command.environmentId()));
    Audit.Entry entry =
        own.map(p -> entry(command, p))
            .orElseGet(
                () ->
                    audit.event(
                        AuditEventType.PROMPT_RESULT_EXCHANGED,
                        command.environmentId(),
                        command.origin()));
    entry.failure(reason);
  }

  private Audit.Entry entry(Command command, Prompt prompt) {
    return audit
        .event(AuditEventType.PROMPT_RESULT_EXCHANGED, prompt.environmentId(), command.origin())
        .user(prompt.userId())
        .session(Optional.of(prompt.sessionId()))
        .scopes(prompt.scopes());
  }
}
