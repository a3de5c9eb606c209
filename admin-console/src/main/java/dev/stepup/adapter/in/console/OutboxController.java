package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.delivery.ListFailedDeliveriesUseCase;
import dev.stepup.application.port.in.delivery.ReadOutboxUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The delivery queue as an admin sees it: messages that failed and wait for a retry or were given
 * up (dead letters), recipient masked and never their content; and, while no SMTP server or SMS
 * gateway is configured, the development outbox with what would have been sent. A console with real
 * providers never shows a code.
 */
@Controller
class OutboxController {

  private static final int SHOWN = 50;

  private final ReadOutboxUseCase outbox;
  private final ListFailedDeliveriesUseCase deliveries;
  private final FindEnvironmentsUseCase environments;
  private final boolean emailToOutbox;
  private final boolean smsToOutbox;

  OutboxController(
      ReadOutboxUseCase outbox,
      ListFailedDeliveriesUseCase deliveries,
      FindEnvironmentsUseCase environments,
      @Value("${spring.mail.host:}") String mailHost,
      @Value("${stepup.sms.gateway-url:}") String smsGateway) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.environments = environments;
    this.emailToOutbox = mailHost.isBlank();
    this.smsToOutbox = smsGateway.isBlank();
  }

  @GetMapping("/admin/outbox")
  String outbox(@RequestParam(defaultValue = "demo") String env, Model model) {
    EnvironmentId environment;
    try {
      environment = new EnvironmentId(env);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such environment");
    }
    model.addAttribute("environment", environment.value());
    model.addAttribute("environments", environments.all());
    model.addAttribute("failed", deliveries.failed(environment, SHOWN));
    boolean development = emailToOutbox || smsToOutbox;
    model.addAttribute("development", development);
    model.addAttribute("messages", development ? outbox.recent(environment, SHOWN) : List.of());
    return "console/outbox/outbox";
  }
}
