package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.prompt.OpenPromptUseCase;
import dev.stepup.application.port.in.prompt.PromptToken;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A host's prompt in the browser: the launch link (spent once, then a clean address), the finish
 * page the step-up page returns to (which takes the tokens the step-up left and hands the outcome
 * back), and cancelling.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up/prompts")
class HostedPromptController {

  private final HostedPages pages;
  private final HostedPrompts prompts;
  private final PromptOutcomePages outcomes;
  private final CheckStepUpUseCase check;
  private final Clock clock;
  private final HeldTokens held;

  HostedPromptController(
      HostedPages pages,
      HostedPrompts prompts,
      PromptOutcomePages outcomes,
      CheckStepUpUseCase check,
      Clock clock,
      HeldTokens held) {
    this.held = held;
    this.pages = pages;
    this.prompts = prompts;
    this.outcomes = outcomes;
    this.check = check;
    this.clock = clock;
  }

  /** Opens the prompt and moves on at once to an address without the ticket. */
  @GetMapping("/launch")
  String launch(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String ticket,
      HttpServletRequest request,
      HttpServletResponse response) {
    EnvironmentId environment = pages.environment(environmentId);
    OpenPromptUseCase.OpenedPrompt prompt = prompts.open(request, response, environment, ticket);
    response.setHeader("Referrer-Policy", "no-referrer");
    HostedPages.noStore(response);
    return HostedPages.redirect(
        request,
        response,
        HostedPaths.stepUp(
            environment,
            prompt.scopes().stream().sorted().findFirst().orElseThrow(),
            HostedPaths.prompt(environment, prompt.promptId().value())));
  }

  /**
   * Where the step-up page sends the browser when it is done: the tokens it left go to the host;
   * without any, the prompt succeeds only if no scope needs step-up, else the page is shown again.
   */
  @GetMapping("/{promptId}")
  String finish(
      @PathVariable String environmentId,
      @PathVariable String promptId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    PromptId id = id(promptId);
    VisitPromptUseCase.PromptVisit prompt = prompts.visit(request, environment, id);
    SessionContext context =
        new SessionContext(environment, prompt.session().id(), HostedSessions.origin(request));
    List<PromptToken> tokens =
        held.handOver(request, context, prompt.scopes(), clock.instant()).stream()
            .map(h -> new PromptToken(h.token(), h.scopes(), h.singleUse(), h.expiresAt()))
            .toList();
    if (tokens.isEmpty() && anyRequired(context, prompt)) {
      Scope first = prompt.scopes().stream().sorted().findFirst().orElseThrow();
      return HostedPages.redirect(
          request,
          response,
          HostedPaths.stepUp(environment, first, HostedPaths.prompt(environment, promptId)));
    }
    return outcomes.deliver(
        prompts.finish(
            request, response, environment, id, new FinishPromptUseCase.Ending.Verified(tokens)),
        request,
        response,
        model);
  }

  @PostMapping("/{promptId}/cancel")
  String cancel(
      @PathVariable String environmentId,
      @PathVariable String promptId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    EnvironmentId environment = pages.environment(environmentId);
    return outcomes.deliver(
        prompts.finish(
            request,
            response,
            environment,
            id(promptId),
            new FinishPromptUseCase.Ending.Cancelled()),
        request,
        response,
        model);
  }

  private boolean anyRequired(SessionContext context, VisitPromptUseCase.PromptVisit prompt) {
    for (Scope scope : prompt.scopes()) {
      try {
        if (check
            .check(
                new CheckStepUpQuery(
                    context.environmentId(), context.sessionId(), scope, context.origin()))
            .isRequired()) {
          return true;
        }
      } catch (RuntimeException e) {
        return true;
      }
    }
    return false;
  }

  private static PromptId id(String raw) {
    try {
      return new PromptId(raw);
    } catch (IllegalArgumentException e) {
      throw HostedProblem.notFound();
    }
  }
}
