package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageHostScopesUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.UnknownScopeException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An environment's step-up settings: on/off, the verification methods, and the protected actions
 * (built-in and the environment's own) with their token use and lifetime. The whole form is saved
 * on every change (inline with HTMX, or as a plain form post), and incoherent settings are
 * explained rather than stored.
 */
@Controller
class StepUpSettingsController {

  private final FindEnvironmentsUseCase environments;
  private final ConfigureStepUpUseCase configure;
  private final ManageSocialProvidersUseCase social;
  private final ManageHostScopesUseCase hostScopes;

  StepUpSettingsController(
      FindEnvironmentsUseCase environments,
      ConfigureStepUpUseCase configure,
      ManageSocialProvidersUseCase social,
      ManageHostScopesUseCase hostScopes) {
    this.environments = environments;
    this.configure = configure;
    this.social = social;
    this.hostScopes = hostScopes;
  }

  /**
   * One row of the protected actions table: its enforcement's wire name (off/monitor/enforce), its
   * token's lifetime in minutes, and for a host scope the words users read.
   */
  record ActionRow(
      String scope,
      String enforcement,
      boolean singleUse,
      long lifetimeMinutes,
      boolean builtIn,
      String description) {
    public boolean isProtected() {
      return Enforcement.ENFORCE.wire().equals(enforcement);
    }
  }

  /** One verification method checkbox, with a note where the method needs more to work. */
  record MethodRow(String wire, String label, boolean enabled, String note) {}

  @GetMapping("/admin/environments/{environmentId}/step-up")
  String show(@PathVariable String environmentId, Model model) {
    Environment environment = environment(environmentId);
    fill(model, environment, environment.settings(), List.of(), false);
    return "console/settings/settings";
  }

  @PostMapping("/admin/environments/{environmentId}/step-up")
  String save(
      @PathVariable String environmentId,
      @RequestParam MultiValueMap<String, String> form,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    boolean inline = HtmxRequest.fromRequest(request).isHtmxRequest();
    StepUpSettings proposed;
    try {
      proposed = StepUpSettingsForm.parse(form, environment.settings());
    } catch (InvalidScopeException e) {
      fill(model, environment, environment.settings(), List.of(e.getMessage()), false);
      return inline ? "console/settings/settings :: form" : "console/settings/settings";
    }
    ConfigureStepUpResult result =
        configure.configure(
            new ConfigureStepUpCommand(
                environment.id(), proposed, admin.getName(), origin(request)));
    if (result instanceof ConfigureStepUpResult.Rejected rejected) {
      // Show what the admin chose, with why it cannot be saved; nothing was changed.
      fill(model, environment, proposed, rejected.problems(), false);
    } else {
      fill(
          model, environment, ((ConfigureStepUpResult.Applied) result).settings(), List.of(), true);
    }
    return inline ? "console/settings/settings :: form" : "console/settings/settings";
  }

  private void fill(
      Model model,
      Environment environment,
      StepUpSettings settings,
      List<String> problems,
      boolean saved) {
    model.addAttribute("environment", environment);
    model.addAttribute("enabled", settings.enabled());
    model.addAttribute(
        "methods",
        List.of(VerificationMethod.values()).stream()
            .map(
                m ->
                    new MethodRow(
                        m.wire(),
                        label(m),
                        settings.isEnabled(m),
                        m == VerificationMethod.SOCIAL ? providersNote(environment) : ""))
            .toList());
    model.addAttribute(
        "actions",
        settings.actions().values().stream()
            .map(
                a ->
                    new ActionRow(
                        a.scope().wire(),
                        a.enforcement().wire(),
                        a.tokenUse() == TokenUse.SINGLE,
                        a.lifetime().toMinutes(),
                        a.scope().isBuiltIn(),
                        a.scope().isBuiltIn() ? "" : a.scope().action()))
            .toList());
    model.addAttribute("problems", problems);
    model.addAttribute("saved", saved);
    if (!model.containsAttribute("scopeProblem")) {
      model.addAttribute("scopeProblem", "");
    }
    if (!model.containsAttribute("scopeDone")) {
      model.addAttribute("scopeDone", "");
    }
  }

  /** Adds one of the environment's own scopes; a refused one is explained above the add form. */
  @PostMapping("/admin/environments/{environmentId}/step-up/scopes")
  String addScope(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String lifetime,
      @RequestParam(defaultValue = "single") String use,
      @RequestParam(defaultValue = "enforce") String enforcement,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      hostScopes.add(
          new ManageHostScopesUseCase.Add(
              environment.id(),
              name.strip(),
              description,
              Enforcement.fromWire(enforcement)
                  .orElseThrow(
                      () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "enforcement")),
              "multi".equals(use) ? TokenUse.MULTI : TokenUse.SINGLE,
              StepUpSettingsForm.minutes(lifetime)
                  .orElse(("multi".equals(use) ? TokenUse.MULTI : TokenUse.SINGLE).lifetime()),
              admin.getName(),
              origin(request)));
      model.addAttribute("scopeDone", "Added " + name.strip() + ".");
    } catch (InvalidScopeException e) {
      model.addAttribute("scopeProblem", e.getMessage());
      model.addAttribute("typed", new TypedScope(name, description, lifetime, use, enforcement));
    }
    Environment now = environment(environmentId);
    fill(model, now, now.settings(), List.of(), false);
    return "console/settings/settings";
  }

  /**
   * Removes one of the environment's own scopes: no token is issued for it from now on, and a
   * request naming it is refused as an unknown scope.
   */
  @PostMapping("/admin/environments/{environmentId}/step-up/scopes/{scope}/remove")
  String removeScope(
      @PathVariable String environmentId,
      @PathVariable String scope,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      hostScopes.remove(
          new ManageHostScopesUseCase.Remove(
              environment.id(), scope, admin.getName(), origin(request)));
      model.addAttribute("scopeDone", "Removed " + scope + ".");
    } catch (InvalidScopeException | UnknownScopeException e) {
      model.addAttribute("scopeProblem", e.getMessage());
    }
    Environment now = environment(environmentId);
    fill(model, now, now.settings(), List.of(), false);
    return "console/settings/settings";
  }

  /** What the admin typed into the add form, shown again when it was refused. */
  record TypedScope(
      String name, String description, String lifetime, String use, String enforcement) {}

  private static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  private String providersNote(Environment environment) {
    List<String> names =
        social.providers(environment.id()).stream().map(p -> p.displayName()).toList();
    return names.isEmpty()
        ? "no provider yet: add one on the environment page"
        : "providers: " + String.join(", ", names);
  }

  static String label(VerificationMethod method) {
    return switch (method) {
      case EMAIL_OTP -> "Email code";
      case SMS_OTP -> "SMS code";
      case WALLET -> "External wallet signature";
      case SOCIAL -> "Social login";
      case PASSKEY -> "Passkey";
      case TOTP -> "Authenticator app (TOTP)";
      case RECOVERY_CODE -> "Recovery codes";
    };
  }

  private Environment environment(String id) {
    try {
      return environments
          .find(new EnvironmentId(id))
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
