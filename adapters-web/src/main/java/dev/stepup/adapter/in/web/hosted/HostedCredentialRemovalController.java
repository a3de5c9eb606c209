package dev.stepup.adapter.in.web.hosted;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Removing one of the user's credentials, after step-up for {@code credential:unlink}. */
@Controller
class HostedCredentialRemovalController {

  private final AccountRoom room;

  HostedCredentialRemovalController(AccountRoom room) {
    this.room = room;
  }

  @PostMapping("/hosted/{environmentId}/account/unlink")
  String unlink(
      @PathVariable String environmentId,
      @Valid CredentialForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.Unlink(form.credentialId()),
        request,
        response,
        model);
  }
}
