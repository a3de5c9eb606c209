package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.in.environment.RenameEnvironmentUseCase;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The environments list, creating and renaming environments, where browsers may return to, sign-up
 * and social login providers (API keys: {@link ApiKeysController}).
 */
@Controller
class EnvironmentsController {

  private final FindEnvironmentsUseCase environments;
  private final EnvironmentChanges changes;
  private final ManageSocialProvidersUseCase social;
  private final EnvironmentPage page;

  EnvironmentsController(
      FindEnvironmentsUseCase environments,
      EnvironmentChanges changes,
      ManageSocialProvidersUseCase social,
      @Value("${stepup.public-url:}") String publicUrl,
      Clock clock) {
    this.environments = environments;
    this.changes = changes;
    this.social = social;
    this.page = new EnvironmentPage(environments, changes, social, publicUrl, clock);
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
                  CreateEnvironmentUseCase.Command.of(
                      id, name, admin.getName(), EnvironmentPage.origin(request)));
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
    page.fill(model, page.find(environmentId), request);
    return "console/environment/environment";
  }

  @PostMapping("/admin/environments/{environmentId}/name")
  String rename(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = page.find(environmentId);
    try {
      environment =
          changes
              .rename()
              .rename(
                  new RenameEnvironmentUseCase.Command(
                      environment.id(), name, admin.getName(), EnvironmentPage.origin(request)));
      model.addAttribute("renamed", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute("renameError", e.getMessage());
    }
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: name");
  }

  @PostMapping("/admin/environments/{environmentId}/redirects")
  String redirects(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String entries,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    return saveList(
        environmentId,
        entries,
        "redirects",
        (id, lines) ->
            changes
                .allowRedirects()
                .allowRedirects(
                    new AllowRedirectsUseCase.Command(
                        id, lines, admin.getName(), EnvironmentPage.origin(request))),
        request,
        model);
  }

  @PostMapping("/admin/environments/{environmentId}/browser-origins")
  String browserOrigins(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String entries,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    return saveList(
        environmentId,
        entries,
        "origins",
        (id, lines) ->
            changes
                .allowBrowserOrigins()
                .allowBrowserOrigins(
                    new AllowBrowserOriginsUseCase.Command(
                        id, lines, admin.getName(), EnvironmentPage.origin(request))),
        request,
        model);
  }

  /**
   * Saves a list edited one entry per line (blank lines ignored) and answers its panel: saved, or
   * the refusal with the text as typed. {@code panel} names the fragment and the model's keys.
   */
  private String saveList(
      String environmentId,
      String entries,
      String panel,
      BiFunction<EnvironmentId, List<String>, Environment> save,
      HttpServletRequest request,
      Model model) {
    Environment environment = page.find(environmentId);
    List<String> lines = entries.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    try {
      environment = save.apply(environment.id(), lines);
      model.addAttribute(panel + "Saved", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute(panel + "Error", e.getMessage());
      model.addAttribute(panel + "Text", entries);
    }
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: " + panel);
  }

  @PostMapping("/admin/environments/{environmentId}/sign-up")
  String signUp(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "false") boolean allowed,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = page.find(environmentId);
    environment =
        changes
            .allowSignUp()
            .allowSignUp(
                new AllowSignUpUseCase.Command(
                    environment.id(), allowed, admin.getName(), EnvironmentPage.origin(request)));
    model.addAttribute("signUpSaved", true);
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: sign-up");
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
    Environment environment = page.find(environmentId);
    try {
      social.register(
          new SocialProvider(
              environment.id(),
              name.strip(),
              displayName,
              EnvironmentPage.issuerUri(issuer),
              clientId.strip()),
          clientSecret,
          admin.getName(),
          EnvironmentPage.origin(request));
      model.addAttribute("providerSaved", name.strip());
    } catch (IllegalArgumentException e) {
      model.addAttribute("providerError", e.getMessage());
      model.addAttribute(
          "draft", new EnvironmentPage.ProviderDraft(name, displayName, issuer, clientId));
    }
    page.fill(model, environment, request);
    return EnvironmentPage.view(request, "console/environment/environment :: social");
  }

  /** What the admin typed, shown again after a refusal; never the secret. */
}
