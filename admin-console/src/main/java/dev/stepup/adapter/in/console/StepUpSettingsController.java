package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * with their token use. The whole form is saved on every change (inline with HTMX, or as a plain
 * form post), and incoherent settings are explained rather than stored.
 */
@Controller
class StepUpSettingsController {

  private final FindEnvironmentsUseCase environments;
  private final ConfigureStepUpUseCase configure;
  private final ManageSocialProvidersUseCase social;

  StepUpSettingsController(
      FindEnvironmentsUseCase environments,
      ConfigureStepUpUseCase configure,
      ManageSocialProvidersUseCase social) {
    this.environments = environments;
    this.configure = configure;
    this.social = social;
  }

  /** One row of the protected actions table: its enforcement's wire name (off/monitor/enforce). */
  record ActionRow(String scope, String enforcement, boolean singleUse) {
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
    StepUpSettings proposed = parse(form);
    ConfigureStepUpResult result =
        configure.configure(
            new ConfigureStepUpCommand(
                environment.id(),
                proposed,
                admin.getName(),
                new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"))));
    boolean inline = HtmxRequest.fromRequest(request).isHtmxRequest();
    if (result instanceof ConfigureStepUpResult.Rejected rejected) {
      // Show what the admin chose, with why it cannot be saved; nothing was changed.
      fill(model, environment, proposed, rejected.problems(), false);
    } else {
      fill(
          model, environment, ((ConfigureStepUpResult.Applied) result).settings(), List.of(), true);
    }
    return inline ? "console/settings/settings :: form" : "console/settings/settings";
  }

  static StepUpSettings parse(MultiValueMap<String, String> form) {
    boolean enabled = form.containsKey("enabled");
    Set<VerificationMethod> methods = EnumSet.noneOf(VerificationMethod.class);
    for (String wire : form.getOrDefault("method", List.of())) {
      methods.add(
          VerificationMethod.fromWire(wire)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "method")));
    }
    Map<Scope, ProtectedAction> actions = new LinkedHashMap<>();
    for (Scope scope : Scope.builtIns()) {
      TokenUse use =
          "multi".equals(form.getFirst("use." + scope.wire())) ? TokenUse.MULTI : TokenUse.SINGLE;
      actions.put(scope, new ProtectedAction(scope, enforcement(form, scope), use));
    }
    return new StepUpSettings(enabled, methods, actions);
  }

  /**
   * The scope's Off / Monitor / Enforce choice; a form without it (the checkbox form before monitor
   * mode) means enforce when the scope's box is ticked, else off. An unknown value is refused.
   */
  private static Enforcement enforcement(MultiValueMap<String, String> form, Scope scope) {
    String chosen = form.getFirst("enforcement." + scope.wire());
    if (chosen == null) {
      return form.containsKey("protected." + scope.wire()) ? Enforcement.ENFORCE : Enforcement.OFF;
    }
    return Enforcement.fromWire(chosen)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "enforcement"));
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
        Scope.builtIns().stream()
            .map(
                s ->
                    new ActionRow(
                        s.wire(),
                        settings.action(s).enforcement().wire(),
                        settings.action(s).tokenUse() == TokenUse.SINGLE))
            .toList());
    model.addAttribute("problems", problems);
    model.addAttribute("saved", saved);
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
