package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.domain.credential.CredentialId;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Setting up an authenticator app: the key and QR code once, then a code confirms it. */
class HostedTotpEnrolmentControllerTest extends HostedSliceTest {

  private static final String TOTP = ACCOUNT + "/totp";
  private static final String SECRET = "JBSWY3DPEHPK3PXP";

  private static TotpEnrolment enrolment() {
    return new TotpEnrolment(
        new CredentialId("crd_totp"),
        SECRET,
        "otpauth://totp/demo?secret=" + SECRET,
        new byte[] {1, 2, 3});
  }

  @Test
  void aNameTooLongIsRefusedBeforeAnythingStarts() throws Exception {
    mvc.perform(post(TOTP).cookie(signedIn(email())).param("alias", "a".repeat(65)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Use at most 64 characters.")));
    org.mockito.Mockito.verifyNoInteractions(startTotp, confirmTotp);
  }

  @Test
  void theKeyIsShownOnceAndTheQrCodeOnlyToThisBrowser() throws Exception {
    Cookie session = signedIn(email());
    MockHttpSession browser = new MockHttpSession();
    when(startTotp.startTotpEnrolment(argThat(c -> c != null && c.alias().equals("Phone"))))
        .thenReturn(enrolment());
    mvc.perform(post(TOTP).cookie(session).session(browser).param("alias", "Phone"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(SECRET)))
        .andExpect(content().string(containsString("id=\"confirm-totp\"")));
    mvc.perform(get(TOTP + "/qr.png").cookie(session).session(browser))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(header().string("Cache-Control", "no-store"));
    mvc.perform(get(TOTP + "/qr.png").cookie(session)).andExpect(status().isNotFound());
  }

  @Test
  void aWrongCodeKeepsTheSetupAndARightOneShowsRecoveryCodes() throws Exception {
    Cookie session = signedIn(email());
    MockHttpSession browser = new MockHttpSession();
    when(startTotp.startTotpEnrolment(any())).thenReturn(enrolment());
    mvc.perform(post(TOTP).cookie(session).session(browser)).andExpect(status().isOk());

    when(confirmTotp.confirmTotp(confirming("crd_totp", "000000")))
        .thenThrow(new RefusedException(RefusalReason.INVALID_ENROLMENT_CODE));
    mvc.perform(post(TOTP + "/confirm").cookie(session).session(browser).param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"totp-error\"")))
        .andExpect(content().string(containsString(SECRET)));

    when(confirmTotp.confirmTotp(confirming("crd_totp", "123456")))
        .thenReturn(List.of("abcd-efgh"));
    mvc.perform(post(TOTP + "/confirm").cookie(session).session(browser).param("code", "123456"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your authenticator app is set up.")))
        .andExpect(content().string(containsString("<code>abcd-efgh</code>")))
        .andExpect(content().string(not(containsString(SECRET))));
  }

  @Test
  void aConfirmWithoutASetupIsExplained() throws Exception {
    mvc.perform(post(TOTP + "/confirm").cookie(signedIn(email())).param("code", "123456"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("This setup has ended.")));
  }

  /** Matches the confirmation of this device with this code. */
  private static ConfirmTotpEnrolmentUseCase.Command confirming(String deviceId, String code) {
    return argThat(
        c -> c != null && c.deviceId().equals(new CredentialId(deviceId)) && c.code().equals(code));
  }
}
