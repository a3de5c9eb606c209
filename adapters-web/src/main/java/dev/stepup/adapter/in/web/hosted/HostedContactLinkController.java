package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.HostedLinkProofs.Proof;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.credential.ResendContactLinkCodeUseCase;
import dev.stepup.domain.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Linking an email address or phone number from the account page: after step-up a code goes to it,
 * and the address is added once the user enters that code.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/account/link")
class HostedContactLinkController {

  private final AccountRoom room;
  private final ConfirmContactLinkUseCase confirmations;
  private final ResendContactLinkCodeUseCase resends;
  private final Clock clock;

  HostedContactLinkController(
      AccountRoom room,
      ConfirmContactLinkUseCase confirmations,
      ResendContactLinkCodeUseCase resends,
      Clock clock) {
    this.room = room;
    this.confirmations = confirmations;
    this.resends = resends;
    this.clock = clock;
  }

  @PostMapping
  String link(
      @PathVariable String environmentId,
      @Valid LinkForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.LinkContact(form.format(), form.value()),
        request,
        response,
        model);
  }

  @PostMapping("/confirm")
  String confirm(
      @PathVariable String environmentId,
      CodeForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    Optional<Proof> proof = HostedLinkProofs.find(request, visit.context());
    if (proof.isEmpty()) {
      return nothingWaiting(visit, request, response, model);
    }
    try {
      Credential linked =
          confirmations.confirm(
              new ConfirmContactLinkUseCase.Command(
                  visit.context(), proof.get().pendingId(), form.code()));
      HostedLinkProofs.drop(request);
      visit
          .page()
          .done(
              AccountRoom.kind(linked.format()) + " " + linked.alias().orElse("") + " was added.");
      return room.render(visit, model);
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_CODE) {
        visit.page().proof(proof.get(), PageWords.of(e));
      } else {
        HostedLinkProofs.drop(request);
        visit.page().error(PageWords.of(e));
      }
      return room.failed(visit, request, response, model);
    }
  }

  @PostMapping("/resend")
  String resend(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    Optional<Proof> proof = HostedLinkProofs.find(request, visit.context());
    if (proof.isEmpty()) {
      return nothingWaiting(visit, request, response, model);
    }
    try {
      PendingLink again =
          resends.resend(
              new ResendContactLinkCodeUseCase.Command(visit.context(), proof.get().pendingId()));
      visit
          .page()
          .proof(HostedLinkProofs.keep(request, visit.context(), again, clock.instant()), null);
      visit.page().done("A new code is on its way.");
      return room.render(visit, model);
    } catch (RefusedException e) {
      visit.page().proof(proof.get(), PageWords.of(e));
      return room.failed(visit, request, response, model);
    }
  }

  private String nothingWaiting(
      AccountRoom.Visit visit,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    visit.page().error("Nothing is waiting for a code. Add the address again.");
    return room.failed(visit, request, response, model);
  }
}
