package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.admin.AdminChange;
import org.junit.jupiter.api.Test;

/** Changing one's own console password. */
class AdminAccountsControllerTest extends ConsoleSliceTest {

  @Test
  void aRefusedPasswordIsExplained() throws Exception {
    when(changePassword.changePassword(any()))
        .thenReturn(new AdminChange.Refused("That password is too common."));
    mvc.perform(
            post("/admin/account/password")
                .with(admin())
                .with(csrf())
                .param("currentPassword", "old")
                .param("newPassword", "password1234"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("That password is too common.")));
  }

  @Test
  void aChangedPasswordIsConfirmed() throws Exception {
    when(changePassword.changePassword(any()))
        .thenReturn(new AdminChange.Done("admin", java.util.Optional.empty()));
    mvc.perform(
            post("/admin/account/password")
                .with(admin())
                .with(csrf())
                .param("currentPassword", "old")
                .param("newPassword", "a much better passphrase"))
        .andExpect(content().string(containsString("Your password has been changed.")));
  }
}
