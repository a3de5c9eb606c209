package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An environment's console page: finding the environment, and what the page shows of it. */
final class EnvironmentPage {

  private final FindEnvironmentsUseCase environments;
  private final EnvironmentChanges changes;
  private final ManageSocialProvidersUseCase social;
  private final String publicUrl;
  private final Clock clock;

  EnvironmentPage(
      FindEnvironmentsUseCase environments,
      EnvironmentChanges changes,
      ManageSocialProvidersUseCase social,
      String publicUrl,
      Clock clock) {
    this.environments = environments;
    this.changes = changes;
    this.social = social;
    this.clock = clock;
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
  }

  record ProviderDraft(String name, String displayName, String issuer, String clientId) {}

  static URI issuerUri(String issuer) {
    try {
      return new URI(issuer.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("provider issuer: not a URL");
    }
  }

  void fill(Model model, Environment environment, HttpServletRequest request) {
    model.addAttribute("environment", environment);
    model.addAttribute("keys", changes.listApiKeys().apiKeys(environment.id()));
    model.addAttribute("permissions", ApiPermission.values());
    model.addAttribute("now", clock.instant());
    if (!model.containsAttribute("redirectsText")) {
      model.addAttribute("redirectsText", String.join("\n", environment.redirects().entries()));
    }
    if (!model.containsAttribute("originsText")) {
      model.addAttribute("originsText", String.join("\n", environment.browserOrigins().entries()));
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

  static String view(HttpServletRequest request, String fragment) {
    return HtmxRequest.fromRequest(request).isHtmxRequest()
        ? fragment
        : "console/environment/environment";
  }

  static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
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
}
