package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Step-up by one of the user's recovery codes, the MFA fallback. */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up/recovery")
class HostedRecoveryCodeStepUpController {

  private final StepUpRoom room;
  private final VerifyStepUpUseCase verify;

  HostedRecoveryCodeStepUpController(StepUpRoom room, VerifyStepUpUseCase verify) {
    this.room = room;
    this.verify = verify;
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    StepUpRoom.Visit visit = room.visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return StepUpRoom.signInFirst(visit, request, response);
    }
    StepUpRoom.fill(model, visit, StepUpPage.View.RECOVERY);
    return StepUpRoom.PAGE;
  }

  @PostMapping("/verify")
  String verify(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      CodeForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.verified(
        environmentId,
        carried,
        StepUpPage.View.RECOVERY,
        request,
        response,
        model,
        visit ->
            verify.verify(
                new VerifyStepUpCommand(
                    visit.context(), new Proof.RecoveryCodeProof(form.code()), visit.scopes())));
  }
}
