package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Adding a passkey from the account page: options (after step-up), then the browser's answer. */
@Controller
@RequestMapping("/hosted/{environmentId}/account/passkey")
class HostedPasskeyRegistrationController {

  private final AccountRoom room;
  private final PasskeyUseCase passkeys;

  HostedPasskeyRegistrationController(AccountRoom room, PasskeyUseCase passkeys) {
    this.room = room;
    this.passkeys = passkeys;
  }

  @PostMapping
  String start(
      @PathVariable String environmentId,
      @Valid AliasForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.RegisterPasskey(form.alias()),
        request,
        response,
        model);
  }

  @PostMapping("/register")
  String register(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    try {
      PasskeyUseCase.Registered registered =
          passkeys.register(visit.context(), challengeId, credential);
      visit.page().done("Your passkey is added.");
      if (!registered.recoveryCodes().isEmpty()) {
        visit.page().recoveryCodes(registered.recoveryCodes());
      }
      return room.render(visit, model);
    } catch (RefusedException | IllegalArgumentException e) {
      visit
          .page()
          .error(
              e instanceof RefusedException
                  ? PageWords.of(e)
                  : "Your passkey's answer could not be read. Choose “Add a passkey” to try again.");
      return room.failed(visit, request, response, model);
    }
  }
}
