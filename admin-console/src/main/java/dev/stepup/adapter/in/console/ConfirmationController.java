package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.VerifyAdminTotpUseCase;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Confirm it's you": a current code from the admin's authenticator app, asked before destructive
 * or secret-revealing actions ({@link ConfirmationRequired}); it opens a short window in this
 * console session and leads back to the page the admin came from.
 */
@Controller
class ConfirmationController {

  private final VerifyAdminTotpUseCase verifier;
  private final Clock clock;

  ConfirmationController(VerifyAdminTotpUseCase verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @GetMapping("/admin/confirm")
  String page(
      @RequestParam(required = false) String then,
      @RequestParam(required = false) String needed,
      Model model) {
    model.addAttribute("then", ConsoleSession.safeReturn(then));
    if (needed != null) {
      model.addAttribute("problem", ConfirmationRequired.MESSAGE);
    }
    return "console/confirm/confirm";
  }

  @PostMapping("/admin/confirm")
  String confirm(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(required = false) String then,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    String back = ConsoleSession.safeReturn(then);
    SecondFactorOutcome outcome =
        verifier.verify(
            new VerifyAdminTotpUseCase.Command(
                admin.getName(), code, SecondFactorController.origin(request)));
    if (outcome instanceof SecondFactorOutcome.Accepted) {
      ConsoleSession.confirmed(request, clock.instant());
      return "redirect:" + back;
    }
    model.addAttribute("then", back);
    model.addAttribute("problem", SecondFactorController.problem(outcome));
    return "console/confirm/confirm";
  }
}
