package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ManageEnvironmentsUseCase;
import dev.stepup.application.port.in.environment.ManageEnvironmentsUseCase.CreatedApiKey;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The environments list, creating and renaming environments, and their API keys. */
@Controller
class EnvironmentsController {

  private final ManageEnvironmentsUseCase manage;

  EnvironmentsController(ManageEnvironmentsUseCase manage) {
    this.manage = manage;
  }

  @GetMapping("/admin")
  String home(Model model, Principal admin) {
    model.addAttribute("admin", admin.getName());
    model.addAttribute("environments", manage.all());
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
      Environment created = manage.create(id, name, admin.getName(), origin(request));
      return "redirect:/admin/environments/" + created.id().value();
    } catch (IllegalArgumentException e) {
      model.addAttribute("admin", admin.getName());
      model.addAttribute("environments", manage.all());
      model.addAttribute("createError", e.getMessage());
      model.addAttribute("newId", id);
      model.addAttribute("newName", name);
      return "console/home/home";
    }
  }

  @GetMapping("/admin/environments/{environmentId}")
  String environment(@PathVariable String environmentId, Model model) {
    fill(model, environment(environmentId));
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
      environment = manage.rename(environment.id(), name, admin.getName(), origin(request));
      model.addAttribute("renamed", true);
    } catch (IllegalArgumentException e) {
      model.addAttribute("renameError", e.getMessage());
    }
    fill(model, environment);
    return view(request, "console/environment/environment :: name");
  }

  @PostMapping("/admin/environments/{environmentId}/api-keys")
  String createKey(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String name,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = environment(environmentId);
    try {
      CreatedApiKey created =
          manage.createApiKey(environment.id(), name, admin.getName(), origin(request));
      model.addAttribute("created", created);
    } catch (IllegalArgumentException e) {
      model.addAttribute("keyError", e.getMessage());
    }
    fill(model, environment);
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
      manage.revokeApiKey(environment.id(), keyId, admin.getName(), origin(request));
    } catch (NotFoundException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    fill(model, environment);
    return view(request, "console/environment/environment :: keys");
  }

  private void fill(Model model, Environment environment) {
    model.addAttribute("environment", environment);
    model.addAttribute("keys", manage.apiKeys(environment.id()));
  }

  private static String view(HttpServletRequest request, String fragment) {
    return "true".equals(request.getHeader("HX-Request"))
        ? fragment
        : "console/environment/environment";
  }

  private static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  private Environment environment(String id) {
    try {
      EnvironmentId environmentId = new EnvironmentId(id);
      return manage.all().stream()
          .filter(e -> e.id().equals(environmentId))
          .findFirst()
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
