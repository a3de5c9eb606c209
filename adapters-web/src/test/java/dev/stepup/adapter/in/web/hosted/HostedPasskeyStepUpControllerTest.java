package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase.Options;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.domain.scope.Scope;
import org.junit.jupiter.api.Test;

/** Step-up with a passkey: the script posts the assertion; a refusal offers a fresh challenge. */
class HostedPasskeyStepUpControllerTest extends HostedSliceTest {

  private static final String VERIFY = "/hosted/demo/step-up/passkey/verify";

  @Test
  void aGoodAssertionGoesOn() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.PasskeyProof("ch_1", "{}"))))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), passkey()))
                .param("scope", "wallet:export")
                .param("challengeId", "ch_1")
                .param("credential", "{}"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET));
  }

  @Test
  void aRejectedAssertionIs422WithAFreshChallenge() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new RefusedException(RefusalReason.PASSKEY_REJECTED));
    when(startPasskeyStepUp.start(any())).thenReturn(new Options("ch_2", "{\"challenge\":\"x\"}"));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), passkey()))
                .param("scope", "wallet:export")
                .param("challengeId", "ch_1")
                .param("credential", "{}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("The passkey could not be verified; try again.")))
        .andExpect(content().string(containsString("value=\"ch_2\"")));
  }

  @Test
  void anUnreadableAnswerIsExplainedWithoutEchoingIt() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new IllegalArgumentException("credential: not JSON <script>"));
    when(startPasskeyStepUp.start(any())).thenReturn(new Options("ch_2", "{}"));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), passkey()))
                .param("scope", "wallet:export")
                .param("credential", "garbage"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("could not be read")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
  }
}
