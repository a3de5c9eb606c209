package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * "Confirm it's you" before destructive console actions: the page, the code, and the refusal of an
 * action taken without a fresh confirmation (a page for a form, HX-Redirect for htmx).
 */
class ConfirmationControllerTest extends ConsoleSliceTest {

  @Test
  void thePageCarriesWhereToGoBack() throws Exception {
    mvc.perform(
            get("/admin/confirm").with(admin()).param("then", "/admin/admins").param("needed", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"confirm-form\"")))
        .andExpect(content().string(containsString("name=\"then\" value=\"/admin/admins\"")))
        .andExpect(content().string(containsString("then repeat the action.")));
  }

  @Test
  void aForeignReturnIsNotFollowed() throws Exception {
    mvc.perform(get("/admin/confirm").with(admin()).param("then", "https://evil.example/"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("evil.example"))));
  }

  @Test
  void aGoodCodeGoesBackAndOpensTheWindow() throws Exception {
    when(verifyTotp.verify(code("admin", "123456"))).thenReturn(new SecondFactorOutcome.Accepted());
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/admin/confirm")
                .with(admin())
                .with(csrf())
                .session(session)
                .param("code", "123456")
                .param("then", "/admin/admins"))
        .andExpect(redirectedUrl("/admin/admins"));
    // Within the window the guarded action runs.
    when(addAdmin.add(any())).thenReturn(new AdminChange.Refused("taken"));
    mvc.perform(
            post("/admin/admins")
                .with(admin())
                .with(csrf())
                .session(session)
                .param("username", "bob"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("taken")));
  }

  @Test
  void aWrongCodeKeepsThePageAndTheReturn() throws Exception {
    when(verifyTotp.verify(anyCode("admin"))).thenReturn(new SecondFactorOutcome.Rejected());
    mvc.perform(
            post("/admin/confirm")
                .with(admin())
                .with(csrf())
                .param("code", "000000")
                .param("then", "/admin/admins"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("That code is wrong")))
        .andExpect(content().string(containsString("name=\"then\" value=\"/admin/admins\"")));
  }

  @Test
  void anUnconfirmedActionIsRefusedWithTheConfirmPage() throws Exception {
    mvc.perform(
            post("/admin/admins")
                .with(admin())
                .with(csrf())
                .header("Referer", "http://localhost/admin/admins")
                .param("username", "bob"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("id=\"confirm-form\"")))
        .andExpect(content().string(containsString("name=\"then\" value=\"/admin/admins\"")));
    verifyNoInteractions(addAdmin);
  }

  @Test
  void withHtmxAnUnconfirmedActionIsSentToTheConfirmPage() throws Exception {
    mvc.perform(
            post("/admin/environments/demo/api-keys")
                .with(admin())
                .with(csrf())
                .header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost/admin/environments/demo")
                .param("name", "ci"))
        .andExpect(status().isForbidden())
        .andExpect(
            header().string("HX-Redirect", "/admin/confirm?then=/admin/environments/demo&needed"));
    verifyNoInteractions(createApiKey);
  }
}
