package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.admin.AdminTotpEnrolment;
import dev.stepup.application.port.in.admin.ConfirmAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.admin.AdminSecondFactorService;
import java.time.Instant;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Plays a console admin's authenticator app in tests: enrols it through the real use case and
 * answers codes; no switch in the product skips the second factor.
 */
public final class AdminTotp {

  private AdminTotp() {}

  /**
   * Enrols an app for {@code username} with the code of the step before {@code now}, so the code of
   * {@code now}'s step is still unspent; answers the secret.
   */
  public static byte[] enrol(AdminSecondFactorService secondFactor, String username, Instant now) {
    AdminTotpEnrolment enrolment = secondFactor.startEnrolment(username);
    byte[] secret = secret(enrolment.key());
    SecondFactorOutcome outcome =
        secondFactor.confirmEnrolment(
            new ConfirmAdminTotpEnrolmentUseCase.Command(
                username,
                enrolment.sealedSecret(),
                JdkTotp.codeAt(secret, now.minusSeconds(30)),
                RequestOrigin.internal()));
    assertThat(outcome).isInstanceOf(SecondFactorOutcome.Accepted.class);
    return secret;
  }

  /** The secret behind a Base32 key as the enrolment page shows it. */
  public static byte[] secret(String base32Key) {
    String key = base32Key.replace(" ", "");
    return Base32.decode(key + "=".repeat((8 - key.length() % 8) % 8));
  }

  public static String code(byte[] secret, Instant at) {
    return JdkTotp.codeAt(secret, at);
  }

  /**
   * A MockMvc session in which {@code username} (granted the console by {@code user(...)}, i.e.
   * past the second step) has just confirmed with a current code, as destructive actions require.
   */
  public static MockHttpSession confirmedSession(MockMvc mvc, String username, byte[] secret)
      throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/admin/confirm")
                .session(session)
                .with(user(username).roles("ADMIN"))
                .with(csrf())
                .param("code", code(secret, Instant.now()))
                .param("then", "/admin"))
        .andExpect(status().isFound());
    return session;
  }
}
