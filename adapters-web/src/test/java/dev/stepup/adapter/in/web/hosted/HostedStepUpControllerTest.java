package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.domain.policy.StepUpDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hosted step-up page: who must sign in first, what it offers, when it lets the user through.
 */
class HostedStepUpControllerTest extends HostedSliceTest {

  private static final String STEP_UP = "/hosted/demo/step-up";

  @Test
  void aSignedOutVisitorSignsInFirstAndComesBack() throws Exception {
    when(returnAddresses.permits(eq(DEMO), anyString())).thenReturn(true);
    mvc.perform(get(STEP_UP).param("scope", "wallet:export").param("returnTo", WALLET))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Fstep-up%3Fscope%3Dwallet%253Aexport%26returnTo%3D%252Fhosted%252Fdemo%252Fwallet"));
  }

  @Test
  void anUnknownActionIsRefused() throws Exception {
    mvc.perform(get(STEP_UP).cookie(signedIn(email())).param("scope", "wallet:drain"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Unknown action")));
  }

  @Test
  void whenNoStepUpIsNeededTheUserGoesStraightOn() throws Exception {
    when(checkStepUp.check(any()))
        .thenReturn(
            new CheckStepUpResult(false, StepUpDecision.Path.NONE, List.of(), Optional.empty()));
    mvc.perform(
            get(STEP_UP)
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("returnTo", ACCOUNT))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT));
  }

  @Test
  void aReauthUserIsOfferedACodeToTheirAddress() throws Exception {
    when(checkStepUp.check(any()))
        .thenReturn(
            new CheckStepUpResult(
                true, StepUpDecision.Path.REAUTH, List.of(email()), Optional.empty()));
    mvc.perform(get(STEP_UP).cookie(signedIn(email())).param("scope", "wallet:export"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("We will send a 6-digit code to")))
        .andExpect(content().string(containsString("a••@example.com")))
        .andExpect(content().string(containsString("id=\"send-code\"")));
  }

  @Test
  void anMfaUserIsOfferedTheirAuthenticatorApp() throws Exception {
    when(checkStepUp.check(any()))
        .thenReturn(
            new CheckStepUpResult(
                true, StepUpDecision.Path.MFA, List.of(totp()), Optional.empty()));
    mvc.perform(get(STEP_UP).cookie(signedIn(email(), totp())).param("scope", "wallet:export"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/hosted/demo/step-up/totp/verify")))
        .andExpect(content().string(containsString("id=\"use-recovery\"")));
  }

  @Test
  void aCheckThatFailsInsideStillAsksForStepUp() throws Exception {
    when(checkStepUp.check(any())).thenThrow(new IllegalStateException("database is down"));
    mvc.perform(get(STEP_UP).cookie(signedIn(email())).param("scope", "wallet:export"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Confirm it’s you")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("database"))));
  }
}
