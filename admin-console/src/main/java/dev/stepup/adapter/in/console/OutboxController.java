package dev.stepup.adapter.in.console;

import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development outbox: what would have been emailed or texted. It exists only while no SMTP
 * server or SMS gateway is configured, so a production console never shows a code.
 */
@Controller
class OutboxController {

  private static final int SHOWN = 50;

  private final Outbox outbox;
  private final Environments environments;
  private final boolean emailToOutbox;
  private final boolean smsToOutbox;

  OutboxController(
      Outbox outbox,
      Environments environments,
      @Value("${spring.mail.host:}") String mailHost,
      @Value("${stepup.sms.gateway-url:}") String smsGateway) {
    this.outbox = outbox;
    this.environments = environments;
    this.emailToOutbox = mailHost.isBlank();
    this.smsToOutbox = smsGateway.isBlank();
  }

  @GetMapping("/admin/outbox")
  String outbox(@RequestParam(defaultValue = "demo") String env, Model model) {
    if (!emailToOutbox && !smsToOutbox) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "email and SMS go to real providers");
    }
    EnvironmentId environment;
    try {
      environment = new EnvironmentId(env);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such environment");
    }
    model.addAttribute("environment", environment.value());
    model.addAttribute("environments", environments.all());
    model.addAttribute("messages", outbox.recent(environment, SHOWN));
    return "console/outbox/outbox";
  }
}
