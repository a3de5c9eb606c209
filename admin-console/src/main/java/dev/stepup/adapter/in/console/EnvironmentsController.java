package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.CreatedApiKey;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.environment.RenameEnvironmentUseCase;
import dev.stepup.application.port.in.environment.RevokeApiKeyUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The environments list, creating and renaming environments, their API keys, where browsers may
 * return to, and their social login providers.
 */
@Controller
class EnvironmentsController {

  private final FindEnvironmentsUseCase environments;
  private final EnvironmentChanges changes;
  private final ManageSocialProvidersUseCase social;
  private final String publicUrl;
  private final Clock clock;

  EnvironmentsController(
      FindEnvironmentsUseCase environments,
      EnvironmentChanges changes,
      ManageSocialProvidersUseCase social,
      @Value("${stepup.public-url:}") String publicUrl,
      Clock clock) {
    this.environments = environments;
    this.changes = changes;
    this.social = social;
    this.clock = clock;
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
  }

  @GetMapping("/admin")
  String home(Model model, Principal admin) {
    model.addAttribute("admin", admin.getName());
    model.addAttribute("environments", environments.all());
    return "console/home/home";
  }

  @PostMapping("/admin/environments")
  String create(
      @RequestParam(defaultValue = "") String id,
      @RequestParam(defaultValue = "") String name,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    try {
      Environment created =
          changes
              .create()
              .create(
                  CreateEnvironmentUseCase.Command.of(id, name, admin.getName(), origin(request)));
      return "redirect:/admin/environments/" + created.id().value();
    } catch (IllegalArgumentException e) {
      model.addAttribute("admin", admin.getName());
      model.addAttribute("environments", environments.all());
      model.addAttribute("createError", e.getMessage());
      model.addAttribute("newId", id);
      model.addAttribute("newName", name);
      return "console/home/home";
    }
  }

  @GetMapping("/admin/environments/{environmentId}")
  String environment(@PathVariable String environmentId, Model model, HttpServletRequest request) {
    fill(model, environment(environmentId), request);
    return "console/environment/environment";
  }

  @PostMapping("/admin/environments/{environmentId}/name")
  String rename(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      environment =
          changes
              .rename()
              .rename(
                  new RenameEnvironmentUseCase.Command(
                      environment.id(), name, admin.getName(), origin(request)));
      model.addAttribute("renamed", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute("renameError", e.getMessage());
    }
    fill(model, environment, request);
    return view(request, "console/environment/environment :: name");
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
    Environment environment = environment(environmentId);
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
                      origin(request)));
      model.addAttribute("created", created);
    } catch (IllegalArgumentException e) {
      model.addAttribute("keyError", e.getMessage());
    }
    fill(model, environment, request);
    return view(request, "console/environment/environment :: keys");
  }

  @PostMapping("/admin/environments/{environmentId}/api-keys/{keyId}/revoke")
  String revokeKey(
      @PathVariable String environmentId,
      @PathVariable String keyId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      changes
          .revokeApiKey()
          .revokeApiKey(
              new RevokeApiKeyUseCase.Command(
                  environment.id(), keyId, admin.getName(), origin(request)));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    fill(model, environment, request);
    return view(request, "console/environment/environment :: keys");
  }

  @PostMapping("/admin/environments/{environmentId}/redirects")
  String redirects(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String entries,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    List<String> lines = entries.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    try {
      environment =
          changes
              .allowRedirects()
              .allowRedirects(
                  new AllowRedirectsUseCase.Command(
                      environment.id(), lines, admin.getName(), origin(request)));
      model.addAttribute("redirectsSaved", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute("redirectsError", e.getMessage());
      model.addAttribute("redirectsText", entries);
    }
    fill(model, environment, request);
    return view(request, "console/environment/environment :: redirects");
  }

  @PostMapping("/admin/environments/{environmentId}/sign-up")
  String signUp(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "false") boolean allowed,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    environment =
        changes
            .allowSignUp()
            .allowSignUp(
                new AllowSignUpUseCase.Command(
                    environment.id(), allowed, admin.getName(), origin(request)));
    model.addAttribute("signUpSaved", true);
    fill(model, environment, request);
    return view(request, "console/environment/environment :: sign-up");
  }

  @PostMapping("/admin/environments/{environmentId}/social-providers")
  String registerProvider(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String issuer,
      @RequestParam(defaultValue = "") String clientId,
      @RequestParam(defaultValue = "") String clientSecret,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      social.register(
          new SocialProvider(
              environment.id(), name.strip(), displayName, issuerUri(issuer), clientId.strip()),
          clientSecret,
          admin.getName(),
          origin(request));
      model.addAttribute("providerSaved", name.strip());
    } catch (IllegalArgumentException e) {
      model.addAttribute("providerError", e.getMessage());
      model.addAttribute("draft", new ProviderDraft(name, displayName, issuer, clientId));
    }
    fill(model, environment, request);
    return view(request, "console/environment/environment :: social");
  }

  /** What the admin typed, shown again after a refusal; never the secret. */
  record ProviderDraft(String name, String displayName, String issuer, String clientId) {}

  private static URI issuerUri(String issuer) {
    try {
      return new URI(issuer.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("provider issuer: not a URL");
    }
  }

  private void fill(Model model, Environment environment, HttpServletRequest request) {
    model.addAttribute("environment", environment);
    model.addAttribute("keys", changes.listApiKeys().apiKeys(environment.id()));
    model.addAttribute("permissions", ApiPermission.values());
    model.addAttribute("now", clock.instant());
    if (!model.containsAttribute("redirectsText")) {
      model.addAttribute("redirectsText", String.join("\n", environment.redirects().entries()));
    }
    model.addAttribute("providers", social.providers(environment.id()));
    String base =
        publicUrl.isEmpty()
            ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
            : publicUrl;
    String env = environment.id().value();
    // Where providers send browsers back: the REST API's callback and the hosted pages' own two
    // (step-up and account). A provider refuses any callback not registered with it.
    model.addAttribute(
        "callbackPatterns",
        List.of(
            base + "/api/v1/environments/" + env + "/step-up/social/{provider}/callback",
            base + "/hosted/" + env + "/step-up/social/{provider}/callback",
            base + "/hosted/" + env + "/account/social/{provider}/callback"));
    if (!model.containsAttribute("draft")) {
      model.addAttribute("draft", new ProviderDraft("", "", "", ""));
    }
  }

  private static String view(HttpServletRequest request, String fragment) {
    return HtmxRequest.fromRequest(request).isHtmxRequest()
        ? fragment
        : "console/environment/environment";
  }

  private static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  private Environment environment(String id) {
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
}
