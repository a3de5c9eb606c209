package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Setting up an authenticator app from the account page: start (after step-up), QR, confirm. */
@Controller
@RequestMapping("/hosted/{environmentId}/account/totp")
class HostedTotpEnrolmentController {

  private final AccountRoom room;
  private final HostedPages pages;
  private final HostedSessions sessions;
  private final ConfirmTotpEnrolmentUseCase confirmTotp;
  private final TotpEnrolments enrolments;

  HostedTotpEnrolmentController(
      AccountRoom room,
      HostedPages pages,
      HostedSessions sessions,
      ConfirmTotpEnrolmentUseCase confirmTotp,
      TotpEnrolments enrolments) {
    this.room = room;
    this.pages = pages;
    this.sessions = sessions;
    this.confirmTotp = confirmTotp;
    this.enrolments = enrolments;
  }

  @PostMapping
  String enrol(
      @PathVariable String environmentId,
      @Valid AliasForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.EnrolTotp(form.alias()),
        request,
        response,
        model);
  }

  /** The QR code of the enrolment this browser started; nothing once it is confirmed. */
  @GetMapping("/qr.png")
  ResponseEntity<byte[]> qrCode(@PathVariable String environmentId, HttpServletRequest request) {
    EnvironmentId environment = pages.environment(environmentId);
    Optional<SessionContext> context = sessions.context(request, environment);
    Optional<TotpEnrolments.Enrolment> enrolment =
        context.flatMap(c -> enrolments.find(request, c));
    if (enrolment.isEmpty()) {
      return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.IMAGE_PNG)
        .body(enrolment.get().qrCodePng());
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
    Optional<TotpEnrolments.Enrolment> enrolment = enrolments.find(request, visit.context());
    if (enrolment.isEmpty()) {
      visit
          .page()
          .error("This setup has ended. Choose “Set up an authenticator app” to start again.");
      return room.failed(visit, request, response, model);
    }
    try {
      List<String> codes =
          confirmTotp.confirmTotp(
              new ConfirmTotpEnrolmentUseCase.Command(
                  visit.context(), new CredentialId(enrolment.get().deviceId()), form.code()));
      enrolments.drop(request);
      visit.page().done("Your authenticator app is set up.");
      if (!codes.isEmpty()) {
        visit.page().recoveryCodes(codes);
      }
      return room.render(visit, model);
    } catch (RefusedException e) {
      if (e.refusal() == Refusal.INVALID_CODE) {
        visit.page().enrolment(enrolment.get(), PageWords.of(e));
      } else {
        enrolments.drop(request);
        visit.page().error(PageWords.of(e));
      }
      return room.failed(visit, request, response, model);
    }
  }
}
