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
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import org.junit.jupiter.api.Test;

/** Step-up by signing a message with an external wallet on the hosted page. */
class HostedWalletStepUpControllerTest extends HostedSliceTest {

  private static final String VERIFY = "/hosted/demo/step-up/wallet/verify";
  private static final String ADDRESS = "0x" + "ab".repeat(20);

  private static Credential wallet() {
    return credential(
        "crd_wallet",
        CredentialFormat.BLOCKCHAIN,
        ADDRESS,
        Credential.WALLET_EXTERNAL,
        "0xab…abab");
  }

  @Test
  void aGoodSignatureGoesOn() throws Exception {
    when(verifyStepUp.verify(presenting(new Proof.WalletProof("ch_1", "0xsig"))))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), wallet()))
                .param("scope", "wallet:export")
                .param("via", "crd_wallet")
                .param("challengeId", "ch_1")
                .param("signature", "0xsig"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET));
  }

  @Test
  void aWrongSignatureOffersAFreshMessageWith422() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new RefusedException(RefusalReason.INVALID_SIGNATURE).about(ADDRESS));
    when(startWalletStepUp.start(any()))
        .thenReturn(
            new SignatureRequest(
                "ch_2", new CredentialId("crd_wallet"), ADDRESS, "Sign in to demo"));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), wallet()))
                .param("scope", "wallet:export")
                .param("via", "crd_wallet")
                .param("challengeId", "ch_1")
                .param("signature", "0xbad"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .string(
                    containsString(
                        "The signature is not from " + ADDRESS + " over this message. Try again.")))
        .andExpect(content().string(containsString("value=\"ch_2\"")))
        .andExpect(content().string(containsString("id=\"wallet-form\"")));
  }

  @Test
  void aWalletTheUserDoesNotHaveIsNotFound() throws Exception {
    when(verifyStepUp.verify(any()))
        .thenThrow(new RefusedException(RefusalReason.INVALID_SIGNATURE).about(ADDRESS));
    mvc.perform(
            post(VERIFY)
                .cookie(signedIn(email(), wallet()))
                .param("scope", "wallet:export")
                .param("via", "crd_someone_else")
                .param("signature", "0xbad"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Page not found")));
  }
}
