package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SendStepUpCodeCommand;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.domain.credential.CredentialId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Step-up by a code emailed or texted to the user: send (and resend), then verify. */
@Controller
@RequestMapping("/hosted/{environmentId}/step-up/otp")
class HostedOtpStepUpController {

  private final StepUpRoom room;
  private final SendStepUpCodeUseCase sendOtp;
  private final VerifyStepUpUseCase verify;

  HostedOtpStepUpController(
      StepUpRoom room, SendStepUpCodeUseCase sendOtp, VerifyStepUpUseCase verify) {
    this.room = room;
    this.sendOtp = sendOtp;
    this.verify = verify;
  }

  @PostMapping("/send")
  String send(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      @RequestParam(defaultValue = "") String via,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    StepUpRoom.Visit visit = room.visit(environmentId, carried, request);
    if (!visit.signedIn()) {
      return StepUpRoom.signInFirst(visit, request, response);
    }
    StepUpPage page = StepUpRoom.fill(model, visit, StepUpPage.View.OTP).via(via);
    try {
      SendStepUpCodeUseCase.CodeSent sent =
          sendOtp.send(
              new SendStepUpCodeCommand(
                  visit.context(),
                  via.isBlank() ? Optional.empty() : Optional.of(new CredentialId(via.strip()))));
      page.sent(true)
          .resendWait(HostedPages.RESEND_WAIT_SECONDS)
          .sendTo(room.alias(visit, sent.credentialId().value()));
    } catch (RefusedException | IllegalArgumentException e) {
      RefusedException refusal =
          e instanceof RefusedException r
              ? r
              : new RefusedException(RefusalReason.ADDRESS_CANNOT_RECEIVE);
      page.sent(refusal.refusal() == Refusal.RESEND_THROTTLED);
      StepUpRoom.refused(page, request, response, refusal);
    }
    return StepUpRoom.view(request);
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
        StepUpPage.View.OTP,
        request,
        response,
        model,
        visit ->
            verify.verify(
                new VerifyStepUpCommand(
                    visit.context(), new Proof.OtpProof(form.code()), visit.scopes())));
  }
}
