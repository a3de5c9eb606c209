package dev.stepup.adapter.in.web.api.mfa;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase.Options;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.domain.scope.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Passkey registration and step-up over the API. */
class PasskeyControllerTest extends ApiSliceTest {

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void optionsCarryTheRawPublicKeyJson() throws Exception {
    when(startPasskeyStepUp.start(any()))
        .thenReturn(new Options("ch_1", "{\"challenge\":\"abc\"}"));
    mvc.perform(post(ENV + "/step-up/passkey/options").header("Authorization", USER_BEARER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.challengeId").value("ch_1"))
        .andExpect(jsonPath("$.publicKey.challenge").value("abc"));
  }

  @Test
  void aGoodAssertionAnswersAToken() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.PasskeyProof("ch_1", "{}"), Scope.WALLET_SIGN)))
        .thenReturn(token(Scope.WALLET_SIGN));
    mvc.perform(
            post(ENV + "/step-up/passkey/verify")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"challengeId\":\"ch_1\",\"credential\":{},\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.elevatedAccessToken").value("eat_secret"))
        .andExpect(jsonPath("$.scopes[0]").value("wallet:sign"));
  }

  @Test
  void aRejectedAssertionIsRefusedWithItsCode() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new RefusedException(RefusalReason.PASSKEY_REJECTED));
    mvc.perform(
            post(ENV + "/step-up/passkey/verify")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"challengeId\":\"ch_1\",\"credential\":{},\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("passkey_rejected"));
  }

  @Test
  void aRegistrationWithoutACredentialIsInvalid() throws Exception {
    mvc.perform(
            post(ENV + "/mfa/passkeys/registration")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"challengeId\":\"ch_1\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    verifyNoInteractions(passkeys);
  }
}
