package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.prompt.OpenPromptUseCase;
import dev.stepup.application.port.in.prompt.VisitPromptUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A host's prompt as the hosted pages see it: its launch ticket spent for a visitor secret kept in
 * an {@code HttpOnly} cookie of its own (scoped to the step-up pages), and every later step-up
 * request recognised by its return address, the prompt's finish page, whose session and scopes it
 * then works with instead of the browser's own hosted sign-in.
 */
@Component
class HostedPrompts {

  private static final String COOKIE_PREFIX = "stepup_prompt_";
  private static final Pattern FINISH =
      Pattern.compile("/hosted/([^/]+)/step-up/prompts/([^/?#]+)");

  private final OpenPromptUseCase opening;
  private final VisitPromptUseCase visits;
  private final FinishPromptUseCase finishing;
  private final Clock clock;

  HostedPrompts(
      OpenPromptUseCase opening,
      VisitPromptUseCase visits,
      FinishPromptUseCase finishing,
      Clock clock) {
    this.opening = opening;
    this.visits = visits;
    this.finishing = finishing;
    this.clock = clock;
  }

  /** Spends the ticket and gives this browser the prompt's visitor secret, in a cookie only. */
  OpenPromptUseCase.OpenedPrompt open(
      HttpServletRequest request,
      HttpServletResponse response,
      EnvironmentId environment,
      String ticket) {
    OpenPromptUseCase.OpenedPrompt opened;
    try {
      opened =
          opening.open(
              new OpenPromptUseCase.Command(environment, ticket, HostedSessions.origin(request)));
    } catch (RefusedException e) {
      throw problem(e);
    }
    Duration lifetime = Duration.between(clock.instant(), opened.expiresAt());
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        cookie(request, environment, opened.promptId(), opened.visitorSecret(), lifetime)
            .toString());
    return opened;
  }

  /** The prompt a return address names (its finish page), if it names one. */
  Optional<VisitPromptUseCase.PromptVisit> visit(
      HttpServletRequest request, EnvironmentId environment, String returnTo) {
    return promptOf(environment, returnTo).map(id -> visit(request, environment, id));
  }

  /** The open prompt, for the browser that opened it; a readable page otherwise. */
  VisitPromptUseCase.PromptVisit visit(
      HttpServletRequest request, EnvironmentId environment, PromptId promptId) {
    try {
      return visits.visit(
          new VisitPromptUseCase.Query(environment, promptId, secret(request, promptId)));
    } catch (RefusedException e) {
      throw problem(e);
    }
  }

  /**
   * The sessions of the prompts open in this browser (a social sign-in's callback finds its own
   * among them); prompts that are finished, expired or not this browser's are left out.
   */
  List<SessionContext> openSessions(HttpServletRequest request, EnvironmentId environment) {
    List<SessionContext> open = new ArrayList<>();
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return open;
    }
    for (Cookie cookie : cookies) {
      if (!cookie.getName().startsWith(COOKIE_PREFIX)) {
        continue;
      }
      try {
        PromptId id = new PromptId(cookie.getName().substring(COOKIE_PREFIX.length()));
        VisitPromptUseCase.PromptVisit prompt =
            visits.visit(new VisitPromptUseCase.Query(environment, id, cookie.getValue()));
        open.add(
            new SessionContext(environment, prompt.session().id(), HostedSessions.origin(request)));
      } catch (RefusedException | IllegalArgumentException e) {
        // Not an open prompt of this browser: nothing to find there.
      }
    }
    return open;
  }

  /** Finishes the prompt with how the page ended. */
  FinishPromptUseCase.PromptOutcome finish(
      HttpServletRequest request,
      HttpServletResponse response,
      EnvironmentId environment,
      PromptId promptId,
      FinishPromptUseCase.Ending ending) {
    FinishPromptUseCase.PromptOutcome outcome;
    try {
      outcome =
          finishing.finish(
              new FinishPromptUseCase.Command(
                  environment,
                  promptId,
                  secret(request, promptId),
                  ending,
                  HostedSessions.origin(request)));
    } catch (RefusedException e) {
      throw problem(e);
    }
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        cookie(request, environment, promptId, "", Duration.ZERO).toString());
    return outcome;
  }

  /** A step-up visit on the prompt's session, for the scope the page names. */
  static StepUpRoom.Visit visit(
      EnvironmentId environment,
      Scope named,
      String returnTo,
      VisitPromptUseCase.PromptVisit prompt,
      HttpServletRequest request) {
    Scope shown =
        prompt.scopes().contains(named)
            ? named
            : prompt.scopes().stream().sorted().findFirst().orElseThrow();
    SessionContext context =
        new SessionContext(environment, prompt.session().id(), HostedSessions.origin(request));
    return new StepUpRoom.Visit(
        environment,
        shown,
        returnTo,
        Optional.of(prompt.session()),
        context,
        prompt.scopes(),
        Optional.of(prompt));
  }

  static Optional<PromptId> promptOf(EnvironmentId environment, String returnTo) {
    Matcher matcher = FINISH.matcher(returnTo == null ? "" : returnTo);
    if (!matcher.matches() || !matcher.group(1).equals(environment.value())) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PromptId(matcher.group(2)));
    } catch (IllegalArgumentException e) {
      throw HostedProblem.notFound();
    }
  }

  static HostedProblem sessionEnded() {
    return new HostedProblem(
        HttpStatus.UNAUTHORIZED,
        "This request has ended",
        "Your session in the app has ended. Go back to the app, sign in and try again.");
  }

  private static HostedProblem problem(RefusedException e) {
    return new HostedProblem(HttpStatus.BAD_REQUEST, "This link cannot be used", PageWords.of(e));
  }

  private static String secret(HttpServletRequest request, PromptId promptId) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if ((COOKIE_PREFIX + promptId.value()).equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return "";
  }

  private static ResponseCookie cookie(
      HttpServletRequest request,
      EnvironmentId environment,
      PromptId promptId,
      String value,
      Duration maxAge) {
    return ResponseCookie.from(COOKIE_PREFIX + promptId.value(), value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax")
        .path(HostedPaths.stepUpBase(environment))
        .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
        .build();
  }
}
