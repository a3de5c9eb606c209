package dev.stepup.adapter.in.console;

import dev.stepup.application.port.out.environment.Environments;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's landing page for a signed-in admin. */
@Controller
class ConsoleHomeController {

  private final Environments environments;

  ConsoleHomeController(Environments environments) {
    this.environments = environments;
  }

  @GetMapping("/admin")
  String home(Model model, Principal admin) {
    model.addAttribute("admin", admin.getName());
    model.addAttribute("environments", environments.all());
    return "console/home/home";
  }
}
