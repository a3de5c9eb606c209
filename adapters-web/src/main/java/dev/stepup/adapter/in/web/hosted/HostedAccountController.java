package dev.stepup.adapter.in.web.hosted;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The signed-in user's account page: their credentials, and the changes that need step-up, each
 * handled by a controller of its own (TOTP enrolment, passkey registration, recovery codes, linking
 * a contact, a wallet or a social account, the default device, removal). A change the user asked
 * for by POST is remembered on the server while they step up ({@link DeferredActions}) and
 * completes when they come back here; secrets (the TOTP secret, recovery codes) are shown in the
 * answer that made them and never again.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/account")
class HostedAccountController {

  private final AccountRoom room;

  HostedAccountController(AccountRoom room) {
    this.room = room;
  }

  @GetMapping
  String page(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> visit = room.visit(environmentId, request, response, model);
    if (visit.isEmpty()) {
      return null;
    }
    room.resume(visit.get(), request);
    return room.render(visit.get(), model);
  }
}
