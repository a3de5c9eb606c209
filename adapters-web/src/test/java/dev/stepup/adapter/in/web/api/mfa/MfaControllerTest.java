package dev.stepup.adapter.in.web.api.mfa;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** TOTP enrolment, recovery codes and the default device over the API. */
class MfaControllerTest extends ApiSliceTest {

  private static final String MFA = ENV + "/mfa";

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void enrolmentAnswersTheSecretOnceAndUncached() throws Exception {
    when(startTotp.startTotpEnrolment(
            argThat(
                c ->
                    c != null
                        && c.alias().equals("Phone")
                        && c.elevatedToken().equals(Optional.of("eat_1")))))
        .thenReturn(
            new TotpEnrolment(
                new CredentialId("crd_totp"), "JBSWY3DP", "otpauth://totp/x", new byte[] {1}));
    mvc.perform(
            post(MFA + "/totp/devices")
                .header("Authorization", USER_BEARER)
                .header("X-Elevated-Access-Token", "eat_1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"alias\":\"Phone\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.deviceId").value("crd_totp"))
        .andExpect(jsonPath("$.secret").value("JBSWY3DP"))
        .andExpect(jsonPath("$.qrCode").value(startsWith("data:image/png;base64,")));
  }

  @Test
  void aWrongConfirmationCodeIsRefused() throws Exception {
    when(confirmTotp.confirmTotp(any()))
        .thenThrow(new RefusedException(RefusalReason.INVALID_ENROLMENT_CODE));
    mvc.perform(
            post(MFA + "/totp/devices/crd_totp/confirm")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"000000\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_code"));
  }

  @Test
  void aConfirmationWithoutACodeIsInvalid() throws Exception {
    mvc.perform(
            post(MFA + "/totp/devices/crd_totp/confirm")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    verifyNoInteractions(startTotp, confirmTotp, recoveryCodes, defaultMfa);
  }

  @Test
  void newRecoveryCodesAreNotCached() throws Exception {
    when(recoveryCodes.regenerateRecoveryCodes(any())).thenReturn(List.of("abcd-efgh"));
    mvc.perform(post(MFA + "/recovery-codes").header("Authorization", USER_BEARER))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.recoveryCodes[0]").value("abcd-efgh"));
  }

  @Test
  void choosingTheDefaultWithoutASessionIs401() throws Exception {
    mvc.perform(
            post(MFA + "/default")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credentialId\":\"crd_totp\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    verifyNoInteractions(startTotp, confirmTotp, recoveryCodes, defaultMfa);
  }
}
