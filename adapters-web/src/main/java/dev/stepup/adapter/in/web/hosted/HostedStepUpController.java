package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.prompt.FinishPromptUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted step-up page: asks {@code check} whether the scope needs it, and if so offers the way
 * to confirm (an emailed or texted code, a wallet or social sign-in for re-auth users; the
 * authenticator app, a passkey or a recovery code for MFA users), each verified by a controller of
 * its own. The elevated token stays on the server ({@link HeldTokens}); the browser only goes on to
 * the return address.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up")
class HostedStepUpController {

  private static final Logger LOG = Logger.getLogger(HostedStepUpController.class.getName());

  private final StepUpRoom room;
  private final CheckStepUpUseCase check;
  private final HostedPrompts prompts;
  private final PromptOutcomePages outcomes;

  HostedStepUpController(
      StepUpRoom room,
      CheckStepUpUseCase check,
      HostedPrompts prompts,
      PromptOutcomePages outcomes) {
    this.room = room;
    this.check = check;
    this.prompts = prompts;
    this.outcomes = outcomes;
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      @RequestParam(required = false) String via,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    StepUpRoom.Visit visit = room.visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return StepUpRoom.signInFirst(visit, request, response);
    }
    CheckStepUpResult result = check(visit, request);
    if (!result.isRequired()) {
      return HostedPages.redirect(request, response, visit.returnTo());
    }
    if (visit.prompt().isPresent()) {
      // A host's prompt asked for MFA only or re-auth only: a user who cannot, fails it here.
      Optional<String> unsatisfied = visit.prompt().get().mode().unsatisfiedBecause(result.path());
      if (unsatisfied.isPresent()) {
        return outcomes.deliver(
            prompts.finish(
                request,
                response,
                visit.environment(),
                visit.prompt().get().promptId(),
                new FinishPromptUseCase.Ending.Failed(unsatisfied.get())),
            request,
            response,
            model);
      }
    }
    Optional<Credential> chosen = StepUpChoices.chosen(result, via);
    StepUpPage.View view = StepUpChoices.view(result, chosen);
    StepUpPage page =
        StepUpRoom.fill(model, visit, view).others(StepUpChoices.others(visit, result, chosen));
    if (view == StepUpPage.View.OTP) {
      Credential target = chosen.orElseThrow();
      page.sendTo(target.alias().orElse("")).via(target.id().value());
    } else if (view == StepUpPage.View.WALLET) {
      room.offerWallet(page, visit, chosen.orElseThrow(), null);
    } else if (view == StepUpPage.View.SOCIAL) {
      Credential account = chosen.orElseThrow();
      page.social(
          new StepUpPage.SocialOffer(account.type().orElse(""), account.alias().orElse("")));
    }
    if (result.path() == StepUpDecision.Path.MFA
        && result.credentials().stream().anyMatch(c -> c.format() == CredentialFormat.PASSKEY)) {
      room.offerPasskey(page, visit, null);
    }
    HostedPages.noStore(response);
    return StepUpRoom.PAGE;
  }

  /**
   * What {@code check} says for the visit's scopes: the first that requires step-up (a user's path
   * and credentials are the same for every scope), else not required. Fails closed.
   */
  private CheckStepUpResult check(StepUpRoom.Visit visit, HttpServletRequest request) {
    CheckStepUpResult notRequired = null;
    for (Scope scope : visit.scopes().stream().sorted().toList()) {
      CheckStepUpResult result;
      try {
        result =
            check.check(
                new CheckStepUpQuery(
                    visit.environment(),
                    visit.context().sessionId(),
                    scope,
                    visit.context().origin(),
                    // The page holds its tokens on the server: it presents the one it holds.
                    room.held().peek(request, visit.context(), scope)));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "check failed; asking for step-up", e);
        result = new CheckStepUpResult(true, StepUpDecision.Path.NONE, List.of(), Optional.empty());
      }
      if (result.isRequired()) {
        return result;
      }
      notRequired = result;
    }
    return notRequired;
  }
}
