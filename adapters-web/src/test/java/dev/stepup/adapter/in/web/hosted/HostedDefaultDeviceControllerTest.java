package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.credential.CredentialId;
import org.junit.jupiter.api.Test;

/** Choosing the default MFA device, an MFA change behind step-up. */
class HostedDefaultDeviceControllerTest extends HostedSliceTest {

  private static final String DEFAULT = ACCOUNT + "/default";

  @Test
  void theChoiceIsSaved() throws Exception {
    mvc.perform(
            post(DEFAULT)
                .cookie(signedIn(email(), totp(), passkey()))
                .param("credentialId", "crd_passkey"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("Your default way to confirm it’s you is saved.")));
    verify(defaultMfa)
        .chooseDefault(
            argThat(c -> c != null && c.credentialId().equals(new CredentialId("crd_passkey"))));
  }

  @Test
  void withHtmxAStepUpIsReachedByHeader() throws Exception {
    doThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED))
        .when(defaultMfa)
        .chooseDefault(any());
    mvc.perform(
            post(DEFAULT)
                .header("HX-Request", "true")
                .cookie(signedIn(email(), totp(), passkey()))
                .param("credentialId", "crd_passkey"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "HX-Redirect",
                    "/hosted/demo/step-up?scope=credential%3Alink&returnTo=%2Fhosted%2Fdemo%2Faccount"));
  }
}
