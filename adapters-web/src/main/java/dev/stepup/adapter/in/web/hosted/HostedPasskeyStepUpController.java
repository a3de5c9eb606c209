package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Step-up with a passkey: the page's script answers the challenge and posts the assertion. */
@Controller
class HostedPasskeyStepUpController {

  private final StepUpRoom room;
  private final VerifyStepUpUseCase verify;

  HostedPasskeyStepUpController(StepUpRoom room, VerifyStepUpUseCase verify) {
    this.room = room;
    this.verify = verify;
  }

  @PostMapping("/hosted/{environmentId}/step-up/passkey/verify")
  String verify(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      @RequestParam(defaultValue = "") String challengeId,
      @RequestParam(defaultValue = "") String credential,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    StepUpRoom.Visit visit = room.visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return StepUpRoom.signInFirst(visit, request, response);
    }
    try {
      return room.done(
          visit,
          verify.verify(
              new VerifyStepUpCommand(
                  visit.context(),
                  new Proof.PasskeyProof(challengeId, credential),
                  visit.scopes())),
          request,
          response);
    } catch (RefusedException | IllegalArgumentException e) {
      room.offerPasskey(
          StepUpRoom.fill(model, visit, StepUpPage.View.PASSKEY),
          visit,
          e instanceof RefusedException
              ? PageWords.of(e)
              : "Your passkey's answer could not be read. Try again, or use a recovery code.");
      StepUpRoom.failedStatus(request, response, e);
      return StepUpRoom.PAGE;
    }
  }
}
