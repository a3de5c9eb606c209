package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.version.CountLegacyMfaUseCase;
import dev.stepup.application.port.in.version.SetMinimumApiVersionUseCase;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.version.LegacyUseCount;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An environment's minimum API version, and how much of action-based MFA (the legacy API) its
 * clients still used in the last 30 days, so an admin knows when switching is safe.
 */
@Controller
class ApiVersionController {

  private final FindEnvironmentsUseCase environments;
  private final SetMinimumApiVersionUseCase setMinimum;
  private final CountLegacyMfaUseCase counts;

  ApiVersionController(
      FindEnvironmentsUseCase environments,
      SetMinimumApiVersionUseCase setMinimum,
      CountLegacyMfaUseCase counts) {
    this.environments = environments;
    this.setMinimum = setMinimum;
    this.counts = counts;
  }

  /** One line of the usage table: a kind of legacy use, the version it came with, how many. */
  record UsageRow(String what, String version, long count) {
    static UsageRow of(LegacyUseCount c) {
      String what =
          switch (c.use()) {
            case CHECK -> "“Is MFA required for this action?” calls";
            case TOKEN_ISSUED -> "Legacy MFA tokens issued (createMfaToken)";
            case TOKEN_USED -> "Legacy MFA tokens accepted by wallet actions";
          };
      return new UsageRow(what, c.version().label(), c.count());
    }
  }

  @GetMapping("/admin/environments/{environmentId}/api-version")
  String page(@PathVariable String environmentId, Model model) {
    fill(model, find(environmentId));
    return "console/environment/api-version";
  }

  @PostMapping("/admin/environments/{environmentId}/api-version")
  String set(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String minimum,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    Environment environment = find(environmentId);
    Optional<ApiVersion> version = ApiVersion.fromWire(minimum.strip());
    if (version.isEmpty()) {
      model.addAttribute("versionError", "Choose “none” or 2026_04_01.");
      fill(model, environment);
      return "console/environment/api-version";
    }
    environment =
        setMinimum.setMinimum(
            new SetMinimumApiVersionUseCase.Command(
                environment.id(), version.get(), admin.getName(), EnvironmentPage.origin(request)));
    model.addAttribute("versionSaved", true);
    fill(model, environment);
    return "console/environment/api-version";
  }

  private void fill(Model model, Environment environment) {
    List<UsageRow> rows =
        counts.lastThirtyDays(environment.id()).stream().map(UsageRow::of).toList();
    model.addAttribute("environment", environment);
    model.addAttribute("usage", rows);
    model.addAttribute("usageTotal", rows.stream().mapToLong(UsageRow::count).sum());
    model.addAttribute("latest", ApiVersion.latest().wire());
  }

  private Environment find(String id) {
    return environments.all().stream()
        .filter(e -> e.id().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
