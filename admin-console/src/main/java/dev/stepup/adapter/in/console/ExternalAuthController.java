package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bring your own auth, per environment: the identity provider whose JWTs are exchanged for
 * sessions.
 */
@Controller
class ExternalAuthController {

  static final String VIEW = "console/externalauth/external-auth";

  private final FindEnvironmentsUseCase environments;
  private final ManageExternalIdentityProviderUseCase providers;
  private final ExternalAuthClientsSection clients;

  ExternalAuthController(
      FindEnvironmentsUseCase environments,
      ManageExternalIdentityProviderUseCase providers,
      ExternalAuthClientsSection clients) {
    this.environments = environments;
    this.providers = providers;
    this.clients = clients;
  }

  /** What the admin typed, shown again after a refusal. */
  record ProviderDraft(String issuer, String jwksUrl, String audience) {}

  @GetMapping("/admin/environments/{environmentId}/external-auth")
  String page(@PathVariable String environmentId, Model model) {
    return fill(model, find(environmentId));
  }

  @PostMapping("/admin/environments/{environmentId}/external-auth/provider")
  String configure(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String issuer,
      @RequestParam(defaultValue = "") String jwksUrl,
      @RequestParam(defaultValue = "") String audience,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = find(environmentId);
    try {
      providers.configure(
          new ExternalIdentityProvider(environment.id(), issuer, url(jwksUrl), audience),
          admin.getName(),
          EnvironmentPage.origin(request));
      model.addAttribute("providerSaved", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute("providerError", e.getMessage());
      model.addAttribute("draft", new ProviderDraft(issuer, jwksUrl, audience));
    }
    return fill(model, environment);
  }

  @PostMapping("/admin/environments/{environmentId}/external-auth/provider/remove")
  String remove(
      @PathVariable String environmentId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = find(environmentId);
    providers.remove(environment.id(), admin.getName(), EnvironmentPage.origin(request));
    model.addAttribute("providerRemoved", true);
    return fill(model, environment);
  }

  String fill(Model model, Environment environment) {
    model.addAttribute("environment", environment);
    var provider = providers.provider(environment.id());
    model.addAttribute("provider", provider.orElse(null));
    if (!model.containsAttribute("draft")) {
      model.addAttribute(
          "draft",
          provider
              .map(p -> new ProviderDraft(p.issuer(), p.jwksUrl().toString(), p.audience()))
              .orElse(new ProviderDraft("", "", "")));
    }
    clients.fill(model, environment);
    return VIEW;
  }

  Environment find(String id) {
    try {
      EnvironmentId environmentId = new EnvironmentId(id);
      return environments.all().stream()
          .filter(e -> e.id().equals(environmentId))
          .findFirst()
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  static URI url(String text) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("JWKS URL: not a URL");
    }
  }
}
