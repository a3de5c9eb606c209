package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.in.webhook.ReadWebhookUseCase;
import dev.stepup.application.port.in.webhook.RemoveWebhookUseCase;
import dev.stepup.application.port.in.webhook.RotateWebhookSecretUseCase;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookEventType;
import dev.stepup.domain.webhook.WebhookSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An environment's webhook: endpoint, event types, the signing secret (shown once, when generated
 * or rotated) and the recent deliveries with their attempts — never a payload.
 */
@Controller
class WebhooksController {

  private static final int SHOWN = 50;

  private final FindEnvironmentsUseCase environments;
  private final ConfigureWebhookUseCase configure;
  private final RotateWebhookSecretUseCase rotate;
  private final ReadWebhookUseCase read;
  private final RemoveWebhookUseCase remove;

  WebhooksController(
      FindEnvironmentsUseCase environments,
      ConfigureWebhookUseCase configure,
      RotateWebhookSecretUseCase rotate,
      ReadWebhookUseCase read,
      RemoveWebhookUseCase remove) {
    this.environments = environments;
    this.configure = configure;
    this.rotate = rotate;
    this.read = read;
    this.remove = remove;
  }

  /** One event type checkbox. */
  record EventRow(String wire, boolean chosen) {}

  @GetMapping("/admin/environments/{environmentId}/webhook")
  String show(@PathVariable String environmentId, Model model) {
    Environment environment = environment(environmentId);
    Optional<WebhookSettings> settings = read.settings(environment.id());
    fill(
        model,
        environment,
        settings.map(s -> s.endpoint().toString()).orElse(""),
        settings.map(WebhooksController::wires).orElse(allWires()));
    return "console/webhooks/webhook";
  }

  @PostMapping("/admin/environments/{environmentId}/webhook")
  String save(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String endpoint,
      @RequestParam(name = "event", required = false) List<String> events,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    Set<String> chosen = events == null ? Set.of() : Set.copyOf(events);
    try {
      ConfigureWebhookUseCase.Result result =
          configure.configure(
              new ConfigureWebhookUseCase.Command(
                  environment.id(),
                  endpoint,
                  chosen,
                  admin.getName(),
                  EnvironmentPage.origin(request)));
      model.addAttribute("saved", true);
      result.newSecret().ifPresent(s -> model.addAttribute("secret", s));
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
    }
    fill(model, environment, endpoint, chosen);
    return "console/webhooks/webhook";
  }

  @PostMapping("/admin/environments/{environmentId}/webhook/secret")
  String rotate(
      @PathVariable String environmentId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      model.addAttribute(
          "secret",
          rotate.rotate(
              new RotateWebhookSecretUseCase.Command(
                  environment.id(), admin.getName(), EnvironmentPage.origin(request))));
    } catch (IllegalStateException e) {
      model.addAttribute("error", "Set up the webhook first.");
    }
    return show(environmentId, model);
  }

  /** The confirm step: what removing takes away, and the button that does it. */
  @GetMapping("/admin/environments/{environmentId}/webhook/remove")
  String confirmRemoval(@PathVariable String environmentId, Model model) {
    Environment environment = environment(environmentId);
    Optional<WebhookSettings> settings = read.settings(environment.id());
    if (settings.isEmpty()) {
      return "redirect:/admin/environments/" + environment.id().value() + "/webhook";
    }
    model.addAttribute("environment", environment);
    model.addAttribute("endpoint", settings.get().endpoint().toString());
    model.addAttribute(
        "waiting",
        read.deliveries(environment.id(), 200).stream()
            .filter(d -> d.status().equals("queued") || d.status().equals("retrying"))
            .count());
    return "console/webhooks/remove";
  }

  @PostMapping("/admin/environments/{environmentId}/webhook/remove")
  String remove(
      @PathVariable String environmentId,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    RemoveWebhookUseCase.Result result =
        remove.remove(
            new RemoveWebhookUseCase.Command(
                environment.id(), admin.getName(), EnvironmentPage.origin(request)));
    if (result.removed()) {
      model.addAttribute("removed", result.dropped());
    }
    return show(environmentId, model);
  }

  private void fill(Model model, Environment environment, String endpoint, Set<String> chosen) {
    model.addAttribute("environment", environment);
    model.addAttribute("configured", read.settings(environment.id()).isPresent());
    model.addAttribute("endpoint", endpoint);
    model.addAttribute(
        "events",
        Stream.of(WebhookEventType.values())
            .map(t -> new EventRow(t.wire(), chosen.contains(t.wire())))
            .toList());
    model.addAttribute("deliveries", read.deliveries(environment.id(), SHOWN));
  }

  private static Set<String> wires(WebhookSettings settings) {
    return settings.events().stream().map(WebhookEventType::wire).collect(Collectors.toSet());
  }

  private static Set<String> allWires() {
    return Stream.of(WebhookEventType.values())
        .map(WebhookEventType::wire)
        .collect(Collectors.toSet());
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
