package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.domain.environment.Environment;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The external-auth page's second half: host backends that obtain elevated tokens by signed
 * assertion, with the public keys (a JWK Set) their assertions are verified with.
 */
@Controller
class ExternalAuthClientsSection {

  private final ManageBackendClientsUseCase clients;

  ExternalAuthClientsSection(ManageBackendClientsUseCase clients) {
    this.clients = clients;
  }

  /** What the admin typed, shown again after a refusal. */
  record ClientDraft(String clientId, String publicKeys) {}

  void fill(Model model, Environment environment) {
    model.addAttribute("clients", clients.clients(environment.id()));
    if (!model.containsAttribute("clientDraft")) {
      model.addAttribute("clientDraft", new ClientDraft("", ""));
    }
  }

  @PostMapping("/admin/environments/{environmentId}/external-auth/clients")
  String register(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String clientId,
      @RequestParam(defaultValue = "") String publicKeys,
      Principal admin,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      clients.register(
          new dev.stepup.domain.environment.EnvironmentId(environmentId),
          clientId.strip(),
          publicKeys,
          admin.getName(),
          EnvironmentPage.origin(request));
      redirect.addFlashAttribute("clientSaved", clientId.strip());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("clientError", e.getMessage());
      redirect.addFlashAttribute("clientDraft", new ClientDraft(clientId, publicKeys));
    }
    return "redirect:/admin/environments/" + environmentId + "/external-auth";
  }

  @PostMapping("/admin/environments/{environmentId}/external-auth/clients/remove")
  String remove(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String clientId,
      Principal admin,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    clients.remove(
        new dev.stepup.domain.environment.EnvironmentId(environmentId),
        clientId,
        admin.getName(),
        EnvironmentPage.origin(request));
    redirect.addFlashAttribute("clientRemoved", clientId);
    return "redirect:/admin/environments/" + environmentId + "/external-auth";
  }
}
