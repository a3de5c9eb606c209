package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreatedApiKey;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import dev.stepup.domain.environment.Environment;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An environment's API keys: creating one (its secret shown once) and revoking one. */
@Controller
class ApiKeysController {

  private final EnvironmentChanges changes;
  private final EnvironmentPage page;

  ApiKeysController(
      FindEnvironmentsUseCase environments,
      EnvironmentChanges changes,
      ManageSocialProvidersUseCase social,
      @Value("${stepup.public-url:}") String publicUrl,
      Clock clock) {
    this.changes = changes;
    this.page = new EnvironmentPage(environments, changes, social, publicUrl, clock);
  }

  @PostMapping("/admin/environments/{environmentId}/api-keys")
  String createKey(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "permission", required = false) List<String> permissions,
      @RequestParam(defaultValue = "") String expiresOn,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = page.find(environmentId);
    try {
      CreatedApiKey created =
          changes
              .createApiKey()
              .createApiKey(
                  new CreateApiKeyUseCase.Command(
                      environment.id(),
                      name,
                      ApiKeyForm.permissions(permissions),
                      ApiKeyForm.expiry(expiresOn),
                      admin.getName(),
                      EnvironmentPage.origin(request)));
      model.addAttribute("created", created);
    } catch (IllegalArgumentException e) {
      model.addAttribute("keyError", e.getMessage());
    }
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: keys");
  }

  @PostMapping("/admin/environments/{environmentId}/api-keys/{keyId}/revoke")
  String revokeKey(
      @PathVariable String environmentId,
      @PathVariable String keyId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = page.find(environmentId);
    try {
      changes
          .revokeApiKey()
          .revokeApiKey(
              new RevokeApiKeyUseCase.Command(
                  environment.id(), keyId, admin.getName(), EnvironmentPage.origin(request)));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: keys");
  }
}
