package dev.stepup.adapter.in.web.hosted;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Choosing the device step-up offers first; an MFA change, so the user confirms it's them. */
@Controller
class HostedDefaultDeviceController {

  private final AccountRoom room;

  HostedDefaultDeviceController(AccountRoom room) {
    this.room = room;
  }

  @PostMapping("/hosted/{environmentId}/account/default")
  String chooseDefault(
      @PathVariable String environmentId,
      @Valid CredentialForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.ChooseDefault(form.credentialId()),
        request,
        response,
        model);
  }
}
