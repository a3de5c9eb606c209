package dev.stepup.application.service.prompt;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.prompt.OpenPromptUseCase;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens a prompt by its launch ticket (once, within its two minutes, while the session lasts) and
 * lets the browser that opened it, and only that one, work on it afterwards.
 */
public final class OpenPromptService implements OpenPromptUseCase, VisitPromptUseCase {

  private final Prompts prompts;
  private final Sessions sessions;
  private final SecretHasher hasher;
  private final Clock clock;

  public OpenPromptService(Prompts prompts, Sessions sessions, SecretHasher hasher, Clock clock) {
    this.prompts = prompts;
    this.sessions = sessions;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public OpenedPrompt open(OpenPromptUseCase.Command command) {
    Instant now = clock.instant();
    String ticket = command.launchTicket().strip();
    Prompt prompt =
        (ticket.startsWith("plt_")
                ? prompts.findByLaunchTicket(hasher.digest(ticket))
                : Optional.<Prompt>empty())
            .filter(p -> p.environmentId().equals(command.environmentId()))
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_LAUNCH_TICKET));
    activeSession(prompt, now);
    String visitor = RandomTokens.secret("pv_");
    Optional<Prompt.LaunchRefusal> refusal = prompt.open(hasher.digest(visitor), now);
    if (refusal.isPresent()) {
      throw new RefusedException(reasonFor(refusal.get()));
    }
    if (!prompts.opened(prompt)) {
      throw new RefusedException(RefusalReason.LAUNCH_TICKET_USED);
    }
    return new OpenedPrompt(prompt.id(), visitor, prompt.scopes(), prompt.expiresAt());
  }

  @Override
  public PromptVisit visit(Query query) {
    Instant now = clock.instant();
    Prompt prompt = openPrompt(prompts, hasher, query, now);
    Session session = activeSession(prompt, now);
    return new PromptVisit(
        prompt.id(), session, prompt.scopes(), prompt.mode(), prompt.target(), prompt.status());
  }

  /** The prompt this browser opened, if it is still open; refused otherwise. */
  static Prompt openPrompt(Prompts prompts, SecretHasher hasher, Query query, Instant now) {
    Prompt prompt =
        prompts
            .find(query.promptId())
            .filter(p -> p.environmentId().equals(query.environmentId()))
            .filter(
                p ->
                    p.visitorDigest()
                        .map(d -> hasher.digestMatches(query.visitorSecret(), d))
                        .orElse(false))
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_PROMPT));
    if (prompt.status().finished()) {
      throw new RefusedException(RefusalReason.PROMPT_FINISHED);
    }
    if (!prompt.isOpen(now)) {
      throw new RefusedException(RefusalReason.PROMPT_EXPIRED);
    }
    return prompt;
  }

  private Session activeSession(Prompt prompt, Instant now) {
    return sessions
        .find(prompt.sessionId())
        .filter(s -> s.isActive(now))
        .orElseThrow(() -> new RefusedException(RefusalReason.SESSION_ENDED));
  }

  private static RefusalReason reasonFor(Prompt.LaunchRefusal refusal) {
    return switch (refusal) {
      case TICKET_EXPIRED -> RefusalReason.LAUNCH_TICKET_EXPIRED;
      case TICKET_USED -> RefusalReason.LAUNCH_TICKET_USED;
      case PROMPT_FINISHED -> RefusalReason.PROMPT_FINISHED;
      case PROMPT_EXPIRED -> RefusalReason.PROMPT_EXPIRED;
    };
  }
}
