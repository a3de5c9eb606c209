package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.admin.AdminTotpEnrolment;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console sign-in's second step: enrol an authenticator app once, then enter its code. */
class SecondFactorControllerTest extends ConsoleSliceTest {

  @Test
  void anEnrolledAdminIsAskedForTheCodeInTheOneCodeForm() throws Exception {
    when(totpEnrolment.enrolled("admin")).thenReturn(true);
    mvc.perform(get("/admin/sign-in/second-factor").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"second-factor-form\"")))
        .andExpect(content().string(containsString("autocomplete=\"one-time-code\"")))
        .andExpect(content().string(containsString(">Continue</button>")))
        .andExpect(content().string(containsString("action=\"/admin/sign-out\"")));
  }

  @Test
  void anAdminWithoutAnAppIsSentToEnrol() throws Exception {
    mvc.perform(get("/admin/sign-in/second-factor").with(admin()))
        .andExpect(redirectedUrl("/admin/sign-in/enrol"));
  }

  @Test
  void aWrongCodeIsExplained() throws Exception {
    when(verifyTotp.verify(code("admin", "000000"))).thenReturn(new SecondFactorOutcome.Rejected());
    mvc.perform(
            post("/admin/sign-in/second-factor").with(admin()).with(csrf()).param("code", "000000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("That code is wrong or was already used.")));
  }

  @Test
  void aThrottledAdminIsToldHowLongToWait() throws Exception {
    when(verifyTotp.verify(anyCode("admin")))
        .thenReturn(new SecondFactorOutcome.Throttled(Duration.ofSeconds(61)));
    mvc.perform(
            post("/admin/sign-in/second-factor").with(admin()).with(csrf()).param("code", "123456"))
        .andExpect(content().string(containsString("not checked for the next 2 minutes.")));
  }

  @Test
  void aGoodCodeOpensTheConsole() throws Exception {
    when(verifyTotp.verify(code("admin", "123456"))).thenReturn(new SecondFactorOutcome.Accepted());
    mvc.perform(
            post("/admin/sign-in/second-factor").with(admin()).with(csrf()).param("code", "123456"))
        .andExpect(redirectedUrl("/admin"));
  }

  @Test
  void theEnrolPageShowsTheKeyAndTheSameCodeForm() throws Exception {
    when(startTotpEnrolment.startEnrolment("admin"))
        .thenReturn(new AdminTotpEnrolment(new byte[] {1}, "ABCD EFGH", "otpauth://totp/console"));
    mvc.perform(get("/admin/sign-in/enrol").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ABCD EFGH")))
        .andExpect(content().string(containsString("id=\"enrol-form\"")))
        .andExpect(content().string(containsString("autocomplete=\"one-time-code\"")));
  }

  @Test
  void aFormWithoutCsrfIsRefused() throws Exception {
    mvc.perform(post("/admin/sign-in/second-factor").with(admin()).param("code", "123456"))
        .andExpect(status().isForbidden());
    org.mockito.Mockito.verifyNoInteractions(verifyTotp);
  }
}
