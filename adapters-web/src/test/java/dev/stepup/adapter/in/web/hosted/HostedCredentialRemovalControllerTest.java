package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.credential.CredentialId;
import org.junit.jupiter.api.Test;

/** Removing a credential from the account page: step-up first, refusals in place. */
class HostedCredentialRemovalControllerTest extends HostedSliceTest {

  private static final String UNLINK = ACCOUNT + "/unlink";

  @Test
  void withoutATokenTheUserStepsUpForUnlinkAndComesBack() throws Exception {
    doThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED))
        .when(unlinkCredential)
        .unlink(argThat(c -> c != null && c.elevatedToken().isEmpty()));
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
    doNothing().when(unlinkCredential).unlink(any());
    mvc.perform(post(UNLINK).cookie(signedIn(email(), totp())).param("credentialId", "crd_totp"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The credential was removed.")));
    verify(unlinkCredential)
        .unlink(argThat(c -> c != null && c.credentialId().equals(new CredentialId("crd_totp"))));
  }

  @Test
  void aRefusalIsExplainedWith422() throws Exception {
    doThrow(new RefusedException(RefusalReason.LAST_CREDENTIAL))
        .when(unlinkCredential)
        .unlink(any());
    mvc.perform(post(UNLINK).cookie(signedIn(email())).param("credentialId", "crd_email"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"account-error\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "This is the account&#39;s only credential; link another first.")));
  }

  @Test
  void anOverlongIdIsRefusedBeforeAnythingIsAsked() throws Exception {
    mvc.perform(post(UNLINK).cookie(signedIn(email())).param("credentialId", "c".repeat(65)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Use at most 64 characters.")));
    verify(unlinkCredential, org.mockito.Mockito.never()).unlink(any());
  }

  @Test
  void aSignedOutPostChangesNothing() throws Exception {
    mvc.perform(post(UNLINK).param("credentialId", "crd_email"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
    verifyNoInteractions(unlinkCredential);
  }
}
