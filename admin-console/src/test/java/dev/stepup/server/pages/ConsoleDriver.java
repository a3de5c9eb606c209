package dev.stepup.server.pages;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.stepup.application.service.admin.AdminSecondFactorService;
import dev.stepup.server.AdminTotp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Plays the console's bootstrap admin in integration tests. The admin's authenticator app is
 * enrolled once per Spring context (a second enrolment in the same 30-second step would replay the
 * code), and every test class of that context acts in the one session confirmed with it.
 */
public class ConsoleDriver {

  private static final Duration RECONFIRM_AFTER = Duration.ofMinutes(3);

  private final MockMvc mvc;
  private final AdminSecondFactorService secondFactor;
  private byte[] secret;
  private MockHttpSession confirmed;
  private Instant confirmedAt;

  ConsoleDriver(MockMvc mvc, AdminSecondFactorService secondFactor) {
    this.mvc = mvc;
    this.secondFactor = secondFactor;
  }

  /**
   * As the bootstrap admin past the second step ({@code user(...)} stands for a completed sign-in),
   * in a session freshly confirmed with a code, as destructive actions require.
   */
  public synchronized MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request)
      throws Exception {
    if (secret == null) {
      secret = AdminTotp.enrol(secondFactor, "admin", Instant.now());
    }
    // A confirmation lasts five minutes; the classes sharing this context may run for longer.
    if (confirmed == null || confirmedAt.isBefore(Instant.now().minus(RECONFIRM_AFTER))) {
      confirmed = AdminTotp.confirmedSession(mvc, "admin", secret);
      confirmedAt = Instant.now();
    }
    return request.with(user("admin").roles("ADMIN")).session(confirmed);
  }
}
