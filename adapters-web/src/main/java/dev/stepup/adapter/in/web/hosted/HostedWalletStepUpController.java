package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Step-up by signing a Sign-In with Ethereum message with the user's external wallet. */
@Controller
class HostedWalletStepUpController {

  private final StepUpRoom room;
  private final VerifyStepUpUseCase verify;

  HostedWalletStepUpController(StepUpRoom room, VerifyStepUpUseCase verify) {
    this.room = room;
    this.verify = verify;
  }

  @PostMapping("/hosted/{environmentId}/step-up/wallet/verify")
  String verify(
      @PathVariable String environmentId,
      StepUpContextForm carried,
      @RequestParam(defaultValue = "") String via,
      WalletSignatureForm form,
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
                  new Proof.WalletProof(form.challengeId(), form.signature()),
                  visit.scopes())),
          request,
          response);
    } catch (RefusedException | IllegalArgumentException e) {
      if (e instanceof RefusedException r && r.refusal() == Refusal.INVALID_TOKEN) {
        return StepUpRoom.signInFirst(visit, request, response);
      }
      StepUpPage page = StepUpRoom.fill(model, visit, StepUpPage.View.WALLET);
      Credential wallet =
          room.credentials(visit).stream()
              .filter(c -> c.id().value().equals(via) && c.format() == CredentialFormat.BLOCKCHAIN)
              .findFirst()
              .orElseThrow(HostedProblem::notFound);
      String message =
          e instanceof RefusedException
              ? PageWords.of(e)
              : "The wallet's answer could not be read.";
      try {
        room.offerWallet(page, visit, wallet, message + " Try again.");
      } catch (RefusedException locked) {
        page.view(StepUpPage.View.BLOCKED).error(PageWords.of(locked));
      }
      StepUpRoom.failedStatus(request, response, e);
      HostedPages.noStore(response);
      return StepUpRoom.PAGE;
    }
  }
}
