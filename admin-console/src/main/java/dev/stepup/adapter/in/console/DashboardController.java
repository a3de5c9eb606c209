package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase.Dashboard;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.method.VerificationMethod;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Today at a glance for one environment, drawn as server-rendered SVG bars (no script, so the CSP
 * holds) with every number also written out as text.
 */
@Controller
class DashboardController {

  /** Width in SVG units of the longest bar. */
  static final int BAR_SPACE = 300;

  private final FindEnvironmentsUseCase environments;
  private final ViewDashboardUseCase dashboards;

  DashboardController(FindEnvironmentsUseCase environments, ViewDashboardUseCase dashboards) {
    this.environments = environments;
    this.dashboards = dashboards;
  }

  /**
   * One bar of a chart: its label, value, drawn width and vertical position.
   *
   * @param y the bar's top in SVG units
   */
  record Bar(String label, long value, int width, int y, String css) {}

  /**
   * One scope's monitored checks and actions today: what enforcing it would have asked for.
   *
   * @param mode the scope's enforcement now (off / monitor / enforce)
   */
  record MonitoredRow(String scope, long checks, long actions, String mode) {}

  @GetMapping("/admin/dashboard")
  String dashboard(@RequestParam(defaultValue = "") String env, Model model) {
    List<Environment> all = environments.all();
    if (all.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no environment");
    }
    Environment environment =
        env.isBlank()
            ? all.stream().filter(e -> e.id().value().equals("demo")).findFirst().orElse(all.get(0))
            : all.stream()
                .filter(e -> e.id().value().equals(env))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Dashboard today = dashboards.today(environment.id());

    List<Bar> methods = new ArrayList<>();
    long most =
        today.stepUpsByMethod().values().stream().mapToLong(Long::longValue).max().orElse(0);
    int row = 0;
    for (VerificationMethod method : VerificationMethod.values()) {
      long value = today.stepUpsByMethod().getOrDefault(method, 0L);
      methods.add(
          new Bar(
              StepUpSettingsController.label(method),
              value,
              width(value, most),
              row++ * 28,
              "bar"));
    }
    long accepted = today.verifications() - today.failedVerifications();
    long larger = Math.max(accepted, today.failedVerifications());
    List<Bar> outcomes =
        List.of(
            new Bar("Accepted", accepted, width(accepted, larger), 0, "bar bar-ok"),
            new Bar(
                "Failed",
                today.failedVerifications(),
                width(today.failedVerifications(), larger),
                28,
                "bar bar-failed"));

    model.addAttribute("environment", environment);
    model.addAttribute("environments", all);
    model.addAttribute("today", today);
    model.addAttribute("methodBars", methods);
    model.addAttribute("methodChartHeight", methods.size() * 28);
    model.addAttribute("outcomeBars", outcomes);
    model.addAttribute(
        "monitoredRows",
        today.monitored().entrySet().stream()
            .map(
                e ->
                    new MonitoredRow(
                        e.getKey().wire(),
                        e.getValue().checks(),
                        e.getValue().actions(),
                        environment.settings().action(e.getKey()).enforcement().wire()))
            .toList());
    return "console/dashboard/dashboard";
  }

  /** A bar's width, proportional to the largest value; a non-zero value always shows. */
  static int width(long value, long largest) {
    if (value <= 0 || largest <= 0) {
      return 0;
    }
    return (int) Math.max(2, Math.round((double) BAR_SPACE * value / largest));
  }
}
