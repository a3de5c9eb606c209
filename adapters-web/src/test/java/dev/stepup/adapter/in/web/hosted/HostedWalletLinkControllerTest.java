package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase.Linked;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import org.junit.jupiter.api.Test;

/** Linking an external wallet: its address, then a signature of the message shown. */
class HostedWalletLinkControllerTest extends HostedSliceTest {

  private static final String LINK = ACCOUNT + "/wallet";
  private static final String ADDRESS = "0x" + "ab".repeat(20);

  @Test
  void anAddressGetsAMessageToSign() throws Exception {
    when(linkWallet.linkChallenge(any(), eq(ADDRESS)))
        .thenReturn(
            new SignatureRequest("ch_1", new CredentialId("crd_new"), ADDRESS, "Link to demo"));
    mvc.perform(post(LINK).cookie(signedIn(email())).param("address", ADDRESS))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"wallet-form\"")))
        .andExpect(content().string(containsString("Link to demo")))
        .andExpect(content().string(containsString("value=\"ch_1\"")));
  }

  @Test
  void aMalformedAddressIsExplained() throws Exception {
    when(linkWallet.linkChallenge(any(), any())).thenThrow(new IllegalArgumentException("address"));
    mvc.perform(post(LINK).cookie(signedIn(email())).param("address", "nope"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Enter a 0x… wallet address.")));
  }

  @Test
  void aSignatureLinksAfterStepUp() throws Exception {
    when(linking.link(any())).thenThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED));
    mvc.perform(
            post(LINK + "/link")
                .cookie(signedIn(email()))
                .param("challengeId", "ch_1")
                .param("signature", "0xsig"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
  }

  @Test
  void aLinkedWalletIsConfirmed() throws Exception {
    when(linking.link(
            argThat(
                c ->
                    c instanceof LinkCredentialCommand.Wallet wallet
                        && wallet.challengeId().equals("ch_1")
                        && wallet.signature().equals("0xsig"))))
        .thenReturn(
            new Linked.Done(
                credential(
                    "crd_new",
                    CredentialFormat.BLOCKCHAIN,
                    ADDRESS,
                    Credential.WALLET_EXTERNAL,
                    "0xab…abab")));
    mvc.perform(
            post(LINK + "/link")
                .cookie(signedIn(email()))
                .param("challengeId", "ch_1")
                .param("signature", "0xsig"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Wallet 0xab…abab was added.")));
  }
}
