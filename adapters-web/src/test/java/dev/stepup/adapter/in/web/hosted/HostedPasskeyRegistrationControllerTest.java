package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.mfa.PasskeyUseCase.Options;
import dev.stepup.application.port.in.mfa.PasskeyUseCase.Registered;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adding a passkey: options for the browser's script, then its answer registers the key. */
class HostedPasskeyRegistrationControllerTest extends HostedSliceTest {

  private static final String PASSKEY = ACCOUNT + "/passkey";

  @Test
  void startingHandsTheScriptItsOptions() throws Exception {
    when(passkeys.registrationOptions(any(), eq(Optional.of("Laptop")), any()))
        .thenReturn(new Options("ch_1", "{\"rp\":\"demo\"}"));
    mvc.perform(post(PASSKEY).cookie(signedIn(email())).param("alias", "Laptop"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"passkey-register-form\"")))
        .andExpect(content().string(containsString("value=\"ch_1\"")));
  }

  @Test
  void aRegisteredKeyIsConfirmedWithFirstRecoveryCodes() throws Exception {
    when(passkeys.register(any(), eq("ch_1"), eq("{}")))
        .thenReturn(new Registered(new CredentialId("crd_passkey"), List.of("abcd-efgh")));
    mvc.perform(
            post(PASSKEY + "/register")
                .cookie(signedIn(email()))
                .param("challengeId", "ch_1")
                .param("credential", "{}"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your passkey is added.")))
        .andExpect(content().string(containsString("<code>abcd-efgh</code>")));
  }

  @Test
  void anUnreadableAnswerIsExplainedWith422() throws Exception {
    when(passkeys.register(any(), any(), any()))
        .thenThrow(new IllegalArgumentException("bad json"));
    mvc.perform(
            post(PASSKEY + "/register").cookie(signedIn(email())).param("credential", "garbage"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("could not be read")));
  }
}
