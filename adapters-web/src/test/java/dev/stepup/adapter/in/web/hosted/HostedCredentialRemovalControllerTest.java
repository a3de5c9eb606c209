package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.credential.CredentialId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Removing a credential from the account page: step-up first, refusals in place. */
class HostedCredentialRemovalControllerTest extends HostedSliceTest {

  private static final String UNLINK = ACCOUNT + "/unlink";

  @Test
  void withoutATokenTheUserStepsUpForUnlinkAndComesBack() throws Exception {
    doThrow(new RefusedException(Refusal.STEP_UP_REQUIRED, "Confirm it's you first."))
        .when(credentials)
        .unlink(any(), any(), eq(Optional.empty()));
    mvc.perform(post(UNLINK).cookie(signedIn(email(), totp())).param("credentialId", "crd_totp"))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/step-up?scope=credential%3Aunlink&returnTo=%2Fhosted%2Fdemo%2Faccount"));
  }

  @Test
  void aRemovedCredentialIsConfirmedOnThePage() throws Exception {
    doNothing().when(credentials).unlink(any(), any(), any());
    mvc.perform(post(UNLINK).cookie(signedIn(email(), totp())).param("credentialId", "crd_totp"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The credential was removed.")));
    verify(credentials).unlink(any(), eq(new CredentialId("crd_totp")), any());
  }

  @Test
  void aRefusalIsExplainedWith422() throws Exception {
    doThrow(new RefusedException(Refusal.LAST_CREDENTIAL, "You cannot remove your last way in."))
        .when(credentials)
        .unlink(any(), any(), any());
    mvc.perform(post(UNLINK).cookie(signedIn(email())).param("credentialId", "crd_email"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"account-error\"")))
        .andExpect(content().string(containsString("You cannot remove your last way in.")));
  }

  @Test
  void anOverlongIdIsRefusedBeforeAnythingIsAsked() throws Exception {
    mvc.perform(post(UNLINK).cookie(signedIn(email())).param("credentialId", "c".repeat(65)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Use at most 64 characters.")));
    verify(credentials, org.mockito.Mockito.never()).unlink(any(), any(), any());
  }

  @Test
  void aSignedOutPostChangesNothing() throws Exception {
    mvc.perform(post(UNLINK).param("credentialId", "crd_email"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
    verifyNoInteractions(credentials);
  }
}
