package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.application.port.in.stepup.StartSocialStepUpUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Step-up by signing in again at the social provider the user linked: off there and back. */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up/social")
class HostedSocialStepUpController {

  private final StepUpRoom room;
  private final HostedPages pages;
  private final HostedSessions sessions;
  private final StartSocialStepUpUseCase social;
  private final HostedSocialLogins socialLogins;
  private final HostedPrompts prompts;

  HostedSocialStepUpController(
      StepUpRoom room,
      HostedPages pages,
      HostedSessions sessions,
      StartSocialStepUpUseCase social,
      HostedSocialLogins socialLogins,
      HostedPrompts prompts) {
    this.room = room;
    this.prompts = prompts;
    this.pages = pages;
    this.sessions = sessions;
    this.social = social;
    this.socialLogins = socialLogins;
  }

  @PostMapping
  String start(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      @RequestParam(defaultValue = "") String provider,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    StepUpRoom.Visit visit = room.visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return StepUpRoom.signInFirst(visit, request, response);
    }
    try {
      URI target =
          social.start(
              new StartSocialStepUpCommand(
                  visit.context(),
                  provider,
                  visit.scopes(),
                  visit.returnTo(),
                  socialLogins.callback(request, stepUp(visit.environment()), provider)));
      return HostedPages.redirect(request, response, target.toString());
    } catch (RefusedException e) {
      StepUpPage page =
          StepUpRoom.fill(model, visit, StepUpPage.View.SOCIAL)
              .social(new StepUpPage.SocialOffer(provider, ""));
      StepUpRoom.refused(page, request, response, e);
      return StepUpRoom.PAGE;
    } catch (NotFoundException e) {
      throw HostedProblem.notFound();
    }
  }

  /**
   * Where the provider sends the browser back: the login must be this browser's session's; the
   * token is kept here and the browser goes on to the page it came for.
   */
  @GetMapping("/{provider}/callback")
  String callback(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response) {
    EnvironmentId environment = pages.environment(environmentId);
    // The login is this browser's hosted session's, or that of a host's prompt open here.
    List<SessionContext> candidates = new ArrayList<>();
    sessions
        .session(request, environment)
        .ifPresent(
            s ->
                candidates.add(
                    new SessionContext(environment, s.id(), HostedSessions.origin(request))));
    candidates.addAll(prompts.openSessions(request, environment));
    if (candidates.isEmpty()) {
      return HostedPages.redirect(
          request, response, HostedPaths.signIn(environment, HostedPaths.wallet(environment)));
    }
    FinishSocialLoginUseCase.Outcome outcome = null;
    SessionContext context = null;
    for (int i = 0; outcome == null; i++) {
      context = candidates.get(i);
      try {
        outcome =
            socialLogins.finish(
                context,
                provider,
                new FinishSocialLoginUseCase.ProviderAnswer(state, code, error),
                socialLogins.callback(request, stepUp(environment), provider));
      } catch (RefusedException e) {
        // Another session's login is refused before anything is spent: try the next session.
        boolean another = e.reason() == RefusalReason.SOCIAL_LOGIN_FROM_ANOTHER_SESSION;
        if (!another || i + 1 == candidates.size()) {
          throw new HostedProblem(
              HttpStatus.BAD_REQUEST, "This sign-in cannot be finished", PageWords.of(e));
        }
      }
    }
    if (outcome.token().isEmpty()) {
      throw new HostedProblem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "We could not confirm it’s you",
          outcome.refusal().map(PageWords::of).orElse("The social sign-in did not succeed.")
              + " Go back to the app you came from and try again.");
    }
    room.held().keep(request, context, outcome.token().get());
    HostedPages.noStore(response);
    return HostedPages.redirect(request, response, outcome.redirectUri());
  }

  private static String stepUp(EnvironmentId environment) {
    return HostedPaths.base(environment) + "/step-up";
  }
}
