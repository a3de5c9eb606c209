package dev.stepup.adapter.in.web.api.stepup;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Step-up by a wallet signature over the API: challenge, then verify. */
class WalletStepUpControllerTest extends ApiSliceTest {

  private static final String WALLET = ENV + "/step-up/wallet";

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void aChallengeNamesTheWalletAndTheMessage() throws Exception {
    when(startWalletStepUp.start(
            argThat(
                command ->
                    command.walletId().equals(Optional.of(new CredentialId("crd_w")))
                        && command.scopes().equals(Set.of(Scope.WALLET_SIGN)))))
        .thenReturn(
            new SignatureRequest("ch_1", new CredentialId("crd_w"), "0xab", "Sign in to demo"));
    mvc.perform(
            post(WALLET + "/challenge")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"walletId\":\"crd_w\",\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.challengeId").value("ch_1"))
        .andExpect(jsonPath("$.walletId").value("crd_w"))
        .andExpect(jsonPath("$.message").value("Sign in to demo"));
  }

  @Test
  void anEmbeddedWalletCannotStepUp() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new RefusedException(RefusalReason.EMBEDDED_WALLET_NOT_SUPPORTED));
    mvc.perform(
            post(WALLET + "/verify")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"challengeId\":\"ch_1\",\"signature\":\"0xsig\",\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(jsonPath("$.code").value("embedded_wallet_not_supported"));
  }

  @Test
  void aVerificationWithoutScopesIsInvalid() throws Exception {
    mvc.perform(
            post(WALLET + "/verify")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"challengeId\":\"ch_1\",\"signature\":\"0xsig\",\"requestedScopes\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    verifyNoInteractions(verifyStepUp);
  }

  @Test
  void aGoodSignatureAnswersAToken() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.WalletProof("ch_1", "0xsig"), Scope.WALLET_SIGN)))
        .thenReturn(token(Scope.WALLET_SIGN));
    mvc.perform(
            post(WALLET + "/verify")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"challengeId\":\"ch_1\",\"signature\":\"0xsig\",\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tokenId").value("tok_1"));
  }
}
