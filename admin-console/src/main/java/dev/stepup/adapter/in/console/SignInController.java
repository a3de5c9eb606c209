package dev.stepup.adapter.in.console;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page. It says why the admin is here: a wrong password, sign-ins paused
 * after repeated failures, a session that ended, or a sign-out.
 */
@Controller
class SignInController {

  @GetMapping("/login")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String signedOut,
      Principal admin,
      Model model) {
    if (admin != null) {
      return "redirect:/admin";
    }
    String problem = null;
    if (throttled != null) {
      problem =
          "Too many failed sign-ins for this account or from this network. Sign-in is paused:"
              + " try again in "
              + minutes(throttled)
              + ".";
    } else if (error != null) {
      problem = "Wrong username or password.";
    }
    model.addAttribute("problem", problem);
    model.addAttribute(
        "notice",
        expired != null
            ? "Your session ended after a period of inactivity. Sign in again."
            : signedOut != null ? "You have signed out." : null);
    return "console/login/login";
  }

  private static String minutes(String value) {
    int minutes;
    try {
      minutes = Math.max(1, Math.min(60, Integer.parseInt(value)));
    } catch (NumberFormatException e) {
      minutes = 15;
    }
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
