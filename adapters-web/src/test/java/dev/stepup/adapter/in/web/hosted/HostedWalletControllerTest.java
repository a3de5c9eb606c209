package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.Cookie;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The demo wallet page: each action needs step-up; without a token the action is remembered, the
 * user steps up, and back on the page it completes once.
 */
class HostedWalletControllerTest extends HostedSliceTest {

  private static Credential embedded() {
    return credential(
        "crd_wallet",
        CredentialFormat.BLOCKCHAIN,
        "0x" + "cd".repeat(20),
        Credential.WALLET_EMBEDDED,
        null);
  }

  @Test
  void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
    mvc.perform(get(WALLET))
        .andExpect(status().isSeeOther())
        .andExpect(
            header().string("Location", "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Fwallet"));
  }

  @Test
  void thePageShowsTheWalletAndIsNotCached() throws Exception {
    mvc.perform(get(WALLET).cookie(signedIn(email(), embedded())))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("0x" + "cd".repeat(20))))
        .andExpect(content().string(containsString("id=\"export\"")));
  }

  @Test
  void anExportWaitsForStepUpAndCompletesOnceBackOnThePage() throws Exception {
    Cookie session = signedIn(email(), embedded());
    MockHttpSession browser = new MockHttpSession();
    when(exportWalletKey.export(argThat(c -> c != null && c.elevatedToken().isEmpty())))
        .thenThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED));
    mvc.perform(post(WALLET + "/export").cookie(session).session(browser))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/step-up?scope=wallet%3Aexport&returnTo=%2Fhosted%2Fdemo%2Fwallet"));

    // The step-up page verifies a code and keeps the token on the server.
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .cookie(session)
                .session(browser)
                .param("scope", "wallet:export")
                .param("returnTo", WALLET)
                .param("code", "123456"))
        .andExpect(header().string("Location", WALLET));

    when(exportWalletKey.export(
            argThat(c -> c != null && c.elevatedToken().equals(Optional.of("eat_secret")))))
        .thenReturn("0xPRIVATE");
    mvc.perform(get(WALLET).cookie(session).session(browser))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("0xPRIVATE")));
    // Once: reloading the page shows the key no more.
    mvc.perform(get(WALLET).cookie(session).session(browser))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("0xPRIVATE"))));
  }

  @Test
  void backWithoutHavingSteppedUpNothingIsDone() throws Exception {
    Cookie session = signedIn(email(), embedded());
    MockHttpSession browser = new MockHttpSession();
    when(exportWalletKey.export(argThat(c -> c != null && c.elevatedToken().isEmpty())))
        .thenThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED));
    mvc.perform(post(WALLET + "/export").cookie(session).session(browser))
        .andExpect(status().isSeeOther());
    mvc.perform(get(WALLET).cookie(session).session(browser))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("you did not confirm it was you")));
  }

  @Test
  void anOverlongMessageIsRefusedWithoutSigning() throws Exception {
    mvc.perform(
            post(WALLET + "/sign")
                .cookie(signedIn(email(), embedded()))
                .param("message", "m".repeat(5000)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"message-error\"")));
    verify(signWithWallet, never()).sign(any());
  }
}
