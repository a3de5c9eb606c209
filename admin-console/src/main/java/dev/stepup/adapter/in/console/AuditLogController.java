package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.audit.AuditLogQuery;
import dev.stepup.application.port.in.audit.ReadAuditLogUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.UserId;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log: newest first, filtered by environment, user, event type and outcome. */
@Controller
class AuditLogController {

  static final int PAGE_SIZE = 50;

  private final ReadAuditLogUseCase audit;
  private final FindEnvironmentsUseCase environments;

  AuditLogController(ReadAuditLogUseCase audit, FindEnvironmentsUseCase environments) {
    this.audit = audit;
    this.environments = environments;
  }

  /** One line of the log as the table shows it. */
  record Line(
      String at,
      String environment,
      String type,
      String outcome,
      String user,
      String method,
      String scopes,
      String reason,
      String actor,
      String clientIp) {

    static Line of(AuditEntry e) {
      return new Line(
          e.at().toString(),
          e.environmentId().map(EnvironmentId::value).orElse(""),
          e.type(),
          e.outcome(),
          e.userId().map(UserId::value).orElse(""),
          e.method().map(m -> m.wire()).orElse(""),
          Scope.joinWire(e.scopes()),
          e.reason().orElse(""),
          e.actor().orElse(""),
          e.clientIp());
    }
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(defaultValue = "") String env,
      @RequestParam(defaultValue = "") String user,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Optional<EnvironmentId> environment =
        environments.all().stream()
            .map(e -> e.id())
            .filter(id -> id.value().equals(env))
            .findFirst();
    Optional<String> eventType = Optional.of(type).filter(AuditLogQuery.eventTypes()::contains);
    Optional<Boolean> succeeded =
        switch (outcome) {
          case "success" -> Optional.of(true);
          case "failure" -> Optional.of(false);
          default -> Optional.empty();
        };
    Optional<UserId> userId =
        user.isBlank() ? Optional.empty() : Optional.of(new UserId(user.strip()));
    int current = Math.max(0, page);
    var lines =
        audit
            .read(
                new AuditLogQuery(
                    environment, userId, eventType, succeeded, current, PAGE_SIZE + 1))
            .stream()
            .map(Line::of)
            .toList();
    model.addAttribute("lines", lines.subList(0, Math.min(PAGE_SIZE, lines.size())));
    model.addAttribute("hasOlder", lines.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("environments", environments.all());
    model.addAttribute("types", AuditLogQuery.eventTypes());
    model.addAttribute("env", environment.map(EnvironmentId::value).orElse(""));
    model.addAttribute("user", userId.map(UserId::value).orElse(""));
    model.addAttribute("type", eventType.orElse(""));
    model.addAttribute("outcome", succeeded.map(ok -> ok ? "success" : "failure").orElse(""));
    model.addAttribute("environment", null);
    return HtmxRequest.fromRequest(request).isHtmxRequest()
        ? "console/audit/audit :: log"
        : "console/audit/audit";
  }
}
