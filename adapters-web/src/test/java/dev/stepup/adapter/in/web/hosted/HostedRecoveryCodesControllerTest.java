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
import java.util.List;
import org.junit.jupiter.api.Test;

/** New recovery codes from the account page: shown once, in the answer that made them. */
class HostedRecoveryCodesControllerTest extends HostedSliceTest {

  private static final String REGENERATE = ACCOUNT + "/recovery-codes";

  @Test
  void newCodesAreShownInTheAnswer() throws Exception {
    when(recoveryCodes.regenerateRecoveryCodes(any()))
        .thenReturn(List.of("abcd-efgh", "ijkl-mnop"));
    mvc.perform(post(REGENERATE).cookie(signedIn(email(), totp())))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("<code>abcd-efgh</code>")))
        .andExpect(content().string(containsString("<code>ijkl-mnop</code>")))
        .andExpect(content().string(containsString("the old ones no longer work")));
  }

  @Test
  void withoutATokenTheUserStepsUpFirst() throws Exception {
    when(recoveryCodes.regenerateRecoveryCodes(any()))
        .thenThrow(new RefusedException(RefusalReason.STEP_UP_REQUIRED));
    mvc.perform(post(REGENERATE).cookie(signedIn(email(), totp())))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/step-up?scope=")));
  }
}
