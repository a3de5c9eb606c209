package dev.stepup.adapter.in.console;

import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase.ChangeAdminPasswordCommand;
import dev.stepup.application.port.in.admin.ListAdminsUseCase;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's admins: the list, adding one (a chosen password or a generated one shown once;
 * needs a fresh second-factor confirmation) and changing one's own password.
 */
@Controller
class AdminAccountsController {

  private final ListAdminsUseCase adminList;
  private final AddAdminUseCase adding;
  private final ChangeAdminPasswordUseCase passwordChange;

  AdminAccountsController(
      ListAdminsUseCase adminList,
      AddAdminUseCase adding,
      ChangeAdminPasswordUseCase passwordChange) {
    this.adminList = adminList;
    this.adding = adding;
    this.passwordChange = passwordChange;
  }

  @GetMapping("/admin/admins")
  String list(Principal admin, Model model) {
    model.addAttribute("admins", adminList.list());
    model.addAttribute("me", admin.getName());
    return "console/admins/admins";
  }

  @PostMapping("/admin/admins")
  String add(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    AdminChange change =
        adding.add(
            new AddAdminCommand(
                admin.getName(),
                username,
                password.isEmpty() ? Optional.empty() : Optional.of(password),
                SecondFactorController.origin(request)));
    if (change instanceof AdminChange.Done done) {
      model.addAttribute("added", done.username());
      done.generatedPassword().ifPresent(p -> model.addAttribute("generatedPassword", p));
    } else if (change instanceof AdminChange.Refused refused) {
      model.addAttribute("addProblem", refused.message());
      model.addAttribute("newUsername", username);
    }
    return list(admin, model);
  }

  @GetMapping("/admin/account/password")
  String passwordPage() {
    return "console/admins/password";
  }

  @PostMapping("/admin/account/password")
  String changePassword(
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      Principal admin,
      HttpServletRequest request,
      Model model) {
    AdminChange change =
        passwordChange.changePassword(
            new ChangeAdminPasswordCommand(
                admin.getName(),
                currentPassword,
                newPassword,
                SecondFactorController.origin(request)));
    if (change instanceof AdminChange.Refused refused) {
      model.addAttribute("problem", refused.message());
    } else {
      model.addAttribute("notice", "Your password has been changed.");
    }
    return "console/admins/password";
  }
}
