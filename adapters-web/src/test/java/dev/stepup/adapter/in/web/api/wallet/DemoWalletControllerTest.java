package dev.stepup.adapter.in.web.api.wallet;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The demo wallet's protected actions over the API: each needs an elevated token. */
class DemoWalletControllerTest extends ApiSliceTest {

  private static final String WALLET = ENV + "/wallets/crd_w";

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void anExportWithoutATokenAsksForStepUpWithTheAcrValues() throws Exception {
    when(exportWalletKey.export(argThat(c -> c != null && c.elevatedToken().isEmpty())))
        .thenThrow(
            new RefusedException(RefusalReason.STEP_UP_REQUIRED)
                .forScope("wallet:export", List.of("urn:stepup:acr:reauth")));
    mvc.perform(post(WALLET + "/export").header("Authorization", USER_BEARER))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("step_up_required"))
        .andExpect(
            header().string("WWW-Authenticate", containsString("insufficient_user_authentication")))
        .andExpect(header().string("WWW-Authenticate", containsString("urn:stepup:acr:reauth")));
  }

  @Test
  void anExportedKeyIsNotCached() throws Exception {
    when(exportWalletKey.export(
            argThat(
                c ->
                    c != null
                        && c.walletId().equals(new CredentialId("crd_w"))
                        && c.elevatedToken().equals(Optional.of("eat_1")))))
        .thenReturn("0xPRIVATE");
    mvc.perform(
            post(WALLET + "/export")
                .header("Authorization", USER_BEARER)
                .header("X-Elevated-Access-Token", "eat_1"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.privateKey").value("0xPRIVATE"));
  }

  @Test
  void aSpentTokenIsRefused() throws Exception {
    when(signWithWallet.sign(any())).thenThrow(new RefusedException(RefusalReason.TOKEN_CONSUMED));
    mvc.perform(
            post(WALLET + "/sign")
                .header("Authorization", USER_BEARER)
                .header("X-Elevated-Access-Token", "eat_1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\":\"hello\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("token_consumed"));
  }

  @Test
  void aSignRequestWithoutAMessageIsInvalid() throws Exception {
    mvc.perform(
            post(WALLET + "/sign")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    verifyNoInteractions(exportWalletKey, signWithWallet, refreshWalletKey, reshareWalletKey);
  }
}
