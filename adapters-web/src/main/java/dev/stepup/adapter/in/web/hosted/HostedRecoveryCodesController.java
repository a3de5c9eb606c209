package dev.stepup.adapter.in.web.hosted;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** New recovery codes from the account page, after step-up; shown once in the answer. */
@Controller
class HostedRecoveryCodesController {

  private final AccountRoom room;

  HostedRecoveryCodesController(AccountRoom room) {
    this.room = room;
  }

  @PostMapping("/hosted/{environmentId}/account/recovery-codes")
  String regenerate(
      @PathVariable String environmentId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId, null, new AccountChange.RegenerateRecoveryCodes(), request, response, model);
  }
}
