package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Step-up by a code from the user's authenticator app. */
@Controller
class HostedTotpStepUpController {

  private final StepUpRoom room;
  private final VerifyStepUpUseCase verify;

  HostedTotpStepUpController(StepUpRoom room, VerifyStepUpUseCase verify) {
    this.room = room;
    this.verify = verify;
  }

  @PostMapping("/hosted/{environmentId}/step-up/totp/verify")
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
        StepUpPage.View.TOTP,
        request,
        response,
        model,
        visit ->
            verify.verify(
                new VerifyStepUpCommand(
                    visit.context(),
                    new Proof.TotpProof(form.code(), Optional.empty()),
                    visit.scopes())));
  }
}
