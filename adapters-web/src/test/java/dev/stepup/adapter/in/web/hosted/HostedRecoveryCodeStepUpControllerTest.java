package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.domain.scope.Scope;
import org.junit.jupiter.api.Test;

/** Step-up with a recovery code, the MFA fallback of the hosted page. */
class HostedRecoveryCodeStepUpControllerTest extends HostedSliceTest {

  private static final String RECOVERY = "/hosted/demo/step-up/recovery";

  @Test
  void thePageAsksForARecoveryCodeNotASixDigitOne() throws Exception {
    mvc.perform(get(RECOVERY).cookie(signedIn(email(), totp())).param("scope", "wallet:export"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Recovery code")))
        .andExpect(content().string(containsString("Each recovery code works once.")))
        .andExpect(content().string(containsString("maxlength=\"64\"")));
  }

  @Test
  void aSignedOutVisitorIsSentToSignIn() throws Exception {
    mvc.perform(get(RECOVERY).param("scope", "wallet:export"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
  }

  @Test
  void aSpentCodeIsRefusedInPlace() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.RecoveryCodeProof("abcd-efgh"))))
        .thenThrow(new RefusedException(RefusalReason.INVALID_RECOVERY_CODE));
    mvc.perform(
            post(RECOVERY + "/verify")
                .cookie(signedIn(email(), totp()))
                .param("scope", "wallet:export")
                .param("code", "abcd-efgh"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .string(containsString("That recovery code is not valid or was already used.")));
  }

  @Test
  void aGoodCodeGoesOn() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.RecoveryCodeProof("abcd-efgh"))))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post(RECOVERY + "/verify")
                .cookie(signedIn(email(), totp()))
                .param("scope", "wallet:export")
                .param("code", "abcd-efgh"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET));
  }
}
