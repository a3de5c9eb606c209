package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase;
import dev.stepup.application.port.in.stepup.StartSocialLinkCommand;
import dev.stepup.application.port.in.stepup.StartSocialLinkUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Linking a social account from the account page: off to the provider, back to the callback, and
 * linked once the user holds a {@code credential:link} token.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/account/social")
class HostedSocialLinkController {

  private static final int MAX_LOGIN_ID = 320;

  private final AccountRoom room;
  private final StartSocialLinkUseCase social;
  private final HostedSocialLogins socialLogins;

  HostedSocialLinkController(
      AccountRoom room, StartSocialLinkUseCase social, HostedSocialLogins socialLogins) {
    this.room = room;
    this.social = social;
    this.socialLogins = socialLogins;
  }

  @PostMapping
  String start(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String provider,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    String account = HostedPaths.account(visit.environment());
    try {
      URI target =
          social.start(
              new StartSocialLinkCommand(
                  visit.context(),
                  provider,
                  account,
                  socialLogins.callback(request, account, provider)));
      return HostedPages.redirect(request, response, target.toString());
    } catch (RefusedException e) {
      return refused(visit, request, response, model, PageWords.of(e));
    } catch (NotFoundException e) {
      throw HostedProblem.notFound();
    }
  }

  @GetMapping("/{provider}/callback")
  String callback(
      @PathVariable String environmentId,
      @PathVariable String provider,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    FinishSocialLoginUseCase.Outcome outcome;
    try {
      outcome =
          socialLogins.finish(
              visit.context(),
              provider,
              new FinishSocialLoginUseCase.ProviderAnswer(state, code, error),
              socialLogins.callback(request, HostedPaths.account(visit.environment()), provider));
    } catch (RefusedException e) {
      return refused(visit, request, response, model, PageWords.of(e));
    }
    if (outcome.loginId().isEmpty()) {
      return refused(
          visit,
          request,
          response,
          model,
          outcome
              .refusal()
              .map(PageWords::of)
              .orElse("The sign-in at the provider did not succeed."));
    }
    String loginId = outcome.loginId().get().strip();
    if (loginId.length() > MAX_LOGIN_ID) {
      return refused(
          visit, request, response, model, "Use at most " + MAX_LOGIN_ID + " characters.");
    }
    return room.act(
        environmentId,
        null,
        new AccountChange.LinkSocial(provider, loginId),
        request,
        response,
        model);
  }

  private String refused(
      AccountRoom.Visit visit,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      String message) {
    return room.refused(
        visit, request, response, model, new AccountChange.LinkSocial("", ""), message);
  }
}
