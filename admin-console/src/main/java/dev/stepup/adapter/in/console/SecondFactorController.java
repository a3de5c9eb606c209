package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.admin.AdminTotpEnrolment;
import dev.stepup.application.port.in.admin.CheckAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.ConfirmAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.RenderQrCodeUseCase;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.StartAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.VerifyAdminTotpUseCase;
import dev.stepup.application.port.in.security.SealBrowserSecretsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a console sign-in: an admin without an authenticator app enrols one (QR code
 * and key, confirmed with a code) and reaches nothing else first; an enrolled admin enters a
 * current code. Either completes the sign-in.
 */
@Controller
class SecondFactorController {

  static final String PENDING = "stepup.console.pendingTotp";

  private final CheckAdminTotpEnrolmentUseCase enrolment;
  private final VerifyAdminTotpUseCase verifier;
  private final ConfirmAdminTotpEnrolmentUseCase confirmation;
  private final StartAdminTotpEnrolmentUseCase enrolmentStart;
  private final RenderQrCodeUseCase qrCodes;
  private final Clock clock;
  private final SealBrowserSecretsUseCase seals;

  SecondFactorController(
      CheckAdminTotpEnrolmentUseCase enrolment,
      VerifyAdminTotpUseCase verifier,
      ConfirmAdminTotpEnrolmentUseCase confirmation,
      StartAdminTotpEnrolmentUseCase enrolmentStart,
      RenderQrCodeUseCase qrCodes,
      Clock clock,
      SealBrowserSecretsUseCase seals) {
    this.seals = seals;
    this.enrolment = enrolment;
    this.verifier = verifier;
    this.confirmation = confirmation;
    this.enrolmentStart = enrolmentStart;
    this.qrCodes = qrCodes;
    this.clock = clock;
  }

  @GetMapping("/admin/sign-in/second-factor")
  String codePage(Principal admin) {
    if (!enrolment.enrolled(admin.getName())) {
      return "redirect:/admin/sign-in/enrol";
    }
    return "console/sign-in/second-factor";
  }

  @PostMapping("/admin/sign-in/second-factor")
  String code(
      @RequestParam(defaultValue = "") String code,
      Principal admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    SecondFactorOutcome outcome =
        verifier.verify(new VerifyAdminTotpUseCase.Command(admin.getName(), code, origin(request)));
    if (outcome instanceof SecondFactorOutcome.Accepted) {
      ConsoleSession.completeSignIn(request, response, admin.getName(), clock.instant());
      return "redirect:/admin";
    }
    model.addAttribute("problem", problem(outcome));
    return "console/sign-in/second-factor";
  }

  @GetMapping("/admin/sign-in/enrol")
  String enrolPage(Principal admin, HttpServletRequest request, Model model) {
    if (enrolment.enrolled(admin.getName())) {
      return "redirect:/admin/sign-in/second-factor";
    }
    model.addAttribute("key", pending(admin, request).key());
    return "console/sign-in/enrol";
  }

  @GetMapping("/admin/sign-in/enrol/qr.png")
  ResponseEntity<byte[]> qr(Principal admin, HttpServletRequest request) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(qrCodes.png(pending(admin, request).otpauthUri()));
  }

  @PostMapping("/admin/sign-in/enrol")
  String enrol(
      @RequestParam(defaultValue = "") String code,
      Principal admin,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    AdminTotpEnrolment pending = pending(admin, request);
    SecondFactorOutcome outcome =
        confirmation.confirmEnrolment(
            new ConfirmAdminTotpEnrolmentUseCase.Command(
                admin.getName(), pending.sealedSecret(), code, origin(request)));
    if (outcome instanceof SecondFactorOutcome.Accepted) {
      request.getSession(true).removeAttribute(PENDING);
      ConsoleSession.completeSignIn(request, response, admin.getName(), clock.instant());
      return "redirect:/admin";
    }
    model.addAttribute("key", pending.key());
    model.addAttribute("problem", problem(outcome));
    return "console/sign-in/enrol";
  }

  /**
   * The secret being enrolled, kept in this console session until confirmed: the secret as the
   * enrolment use case sealed it, and the key and its otpauth address (both carry the secret)
   * sealed here, since sessions are rows in the shared database.
   */
  private AdminTotpEnrolment pending(Principal admin, HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    if (session.getAttribute(PENDING) instanceof PendingEnrolment p
        && p.username().equals(admin.getName())) {
      var key = seals.open(p.sealedKey());
      var uri = seals.open(p.sealedOtpauthUri());
      if (key.isPresent() && uri.isPresent()) {
        return new AdminTotpEnrolment(p.sealedSecret(), key.get(), uri.get());
      }
    }
    AdminTotpEnrolment started = enrolmentStart.startEnrolment(admin.getName());
    session.setAttribute(
        PENDING,
        new PendingEnrolment(
            admin.getName(),
            started.sealedSecret(),
            seals.seal(started.key()),
            seals.seal(started.otpauthUri())));
    return started;
  }

  /** Held in the session until confirmed: plain values, every secret among them sealed. */
  record PendingEnrolment(
      String username, byte[] sealedSecret, byte[] sealedKey, byte[] sealedOtpauthUri)
      implements java.io.Serializable {
    @Override
    public String toString() {
      return "PendingEnrolment[" + username + "]";
    }
  }

  static String problem(SecondFactorOutcome outcome) {
    if (outcome instanceof SecondFactorOutcome.Throttled throttled) {
      long minutes = Math.max(1, (throttled.remaining().toSeconds() + 59) / 60);
      return "Too many wrong codes. Codes are not checked for the next "
          + minutes
          + (minutes == 1 ? " minute." : " minutes.");
    }
    return "That code is wrong or was already used. Enter the current code from your"
        + " authenticator app.";
  }

  static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
  }
}
