package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Step-up with the authenticator app's code on the hosted page. */
class HostedTotpStepUpControllerTest extends HostedSliceTest {

  private static final String VERIFY = "/hosted/demo/step-up/totp/verify";

  @Test
  void aSignedOutVisitorIsSentToSignIn() throws Exception {
    mvc.perform(post(VERIFY).param("scope", "wallet:export").param("code", "123456"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
  }

  @Test
  void aWrongCodeShowsTheAppFormAgainWith422() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.TotpProof.class)))
        .thenThrow(new RefusedException(RefusalReason.INVALID_TOTP_CODE));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), totp()))
                .param("scope", "wallet:export")
                .param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .string(
                    containsString(
                        "That code is not right. Check the time on your device and try the current"
                            + " code.")))
        .andExpect(content().string(containsString("from your authenticator app")));
  }

  @Test
  void aRightCodeForTheAskedScopeGoesOn() throws Exception {
    when(verifyStepUp.verify(
            presenting(new Proof.TotpProof("123456", Optional.empty()), Scope.WALLET_EXPORT)))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), totp()))
                .param("scope", "wallet:export")
                .param("code", "123456"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET));
  }
}
