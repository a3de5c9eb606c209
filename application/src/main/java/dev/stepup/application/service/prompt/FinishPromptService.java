package dev.stepup.application.service.prompt;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finishes a prompt once. A verification succeeds only if the user's path satisfies the prompt's
 * mode (MFA only, re-auth only); otherwise the prompt fails, naming why. A popup's tokens go
 * straight back to the page; a redirect's wait sealed for the host backend, behind a result code.
 */
public final class FinishPromptService implements FinishPromptUseCase {

  private final Prompts prompts;
  private final Environments environments;
  private final Users users;
  private final StepUpPolicy policy;
  private final SecretHasher hasher;
  private final SealedPromptTokens sealed;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public FinishPromptService(
      Prompts prompts,
      Environments environments,
      Users users,
      StepUpPolicy policy,
      SecretHasher hasher,
      SecretCipher cipher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.prompts = prompts;
    this.environments = environments;
    this.users = users;
    this.policy = policy;
    this.hasher = hasher;
    this.sealed = new SealedPromptTokens(cipher);
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public PromptOutcome finish(Command command) {
    Instant now = clock.instant();
    Prompt prompt =
        OpenPromptService.openPrompt(
            prompts,
            hasher,
            new VisitPromptUseCase.Query(
                command.environmentId(), command.promptId(), command.visitorSecret()),
            now);
    List<PromptToken> tokens = List.of();
    if (command.ending() instanceof Ending.Verified verified) {
      if (prompt.succeed(pathOf(prompt), now) == PromptStatus.SUCCESS) {
        tokens = verified.tokens();
      }
    } else if (command.ending() instanceof Ending.Failed failed) {
      prompt.fail(failed.reason(), now);
    } else {
      prompt.cancel(now);
    }
    Optional<String> resultCode = Optional.empty();
    Optional<String> waiting = Optional.empty();
    if (prompt.target() instanceof PromptTarget.Redirect) {
      String code = RandomTokens.secret("prc_");
      prompt.issueResultCode(hasher.digest(code), now);
      resultCode = Optional.of(code);
      waiting = tokens.isEmpty() ? Optional.empty() : Optional.of(sealed.seal(tokens));
    }
    Optional<String> toStore = waiting;
    boolean finished =
        transactions.inTransaction(
            () -> {
              if (!prompts.finished(prompt, toStore)) {
                return false;
              }
              audit
                  .event(AuditEventType.PROMPT_FINISHED, prompt.environmentId(), command.origin())
                  .user(prompt.userId())
                  .session(Optional.of(prompt.sessionId()))
                  .scopes(prompt.scopes())
                  .success(PromptWords.outcome(prompt));
              return true;
            });
    if (!finished) {
      throw new RefusedException(RefusalReason.PROMPT_FINISHED);
    }
    List<PromptToken> forPage =
        prompt.target() instanceof PromptTarget.Popup ? tokens : List.<PromptToken>of();
    return new PromptOutcome(
        prompt.status(), prompt.failureReason(), prompt.target(), forPage, resultCode);
  }

  /** The path the user steps up on now: MFA when they hold an enabled MFA device. */
  private StepUpDecision.Path pathOf(Prompt prompt) {
    Environment environment = environments.find(prompt.environmentId()).orElseThrow();
    User user = users.find(prompt.environmentId(), prompt.userId()).orElseThrow();
    return policy.mfaCredentials(environment.settings(), user).isEmpty()
        ? StepUpDecision.Path.REAUTH
        : StepUpDecision.Path.MFA;
  }
}
