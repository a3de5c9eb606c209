package dev.stepup.application.service.prompt;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.prompt.CreatePromptCommand;
import dev.stepup.application.port.in.prompt.CreatePromptUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates a prompt for an active session: the target must be one the environment allows (a return
 * address of its redirect list, an opener origin of its browser origins), then the prompt and the
 * digest of its launch ticket are stored and audited; the ticket itself is only answered.
 */
public final class CreatePromptService implements CreatePromptUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Prompts prompts;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public CreatePromptService(
      Environments environments,
      Sessions sessions,
      Prompts prompts,
      SecretHasher hasher,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.prompts = prompts;
    this.hasher = hasher;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public CreatedPrompt create(CreatePromptCommand command) {
    Instant now = clock.instant();
    Environment environment =
        environments
            .find(command.environmentId())
            .orElseThrow(() -> new NotFoundException("environment", command.environmentId()));
    Session session =
        sessions
            .find(command.sessionId())
            .filter(s -> s.environmentId().equals(command.environmentId()))
            .filter(s -> command.userId().map(s.userId()::equals).orElse(true))
            .filter(s -> s.isActive(now))
            .orElseThrow(() -> new NotFoundException("session", command.sessionId()));
    environment.settings().requireKnown(command.scopes());
    refuseForeignTarget(environment, command.target());
    String ticket = RandomTokens.secret("plt_");
    Prompt prompt =
        Prompt.create(
            new PromptId(RandomTokens.id("prm")),
            environment.id(),
            session.userId(),
            session.id(),
            command.scopes(),
            command.mode(),
            command.target(),
            hasher.digest(ticket),
            now);
    transactions.inTransaction(
        () -> {
          prompts.add(prompt);
          audit
              .event(AuditEventType.PROMPT_CREATED, environment.id(), command.origin())
              .user(session.userId())
              .session(Optional.of(session.id()))
              .scopes(prompt.scopes())
              .success(PromptWords.describe(prompt));
        });
    return new CreatedPrompt(prompt.id(), ticket, prompt.launchTicket().expiresAt());
  }

  private static void refuseForeignTarget(Environment environment, PromptTarget target) {
    if (target instanceof PromptTarget.Redirect redirect
        && !redirect.permittedBy(environment.redirects())) {
      throw new RefusedException(RefusalReason.RETURN_TO_NOT_ALLOWED);
    }
    if (target instanceof PromptTarget.Popup popup
        && !popup.permittedBy(environment.browserOrigins())) {
      throw new RefusedException(RefusalReason.ORIGIN_NOT_ALLOWED).about(popup.origin());
    }
  }
}
