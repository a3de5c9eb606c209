package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Step-up by signing in again with a linked social account: off to the provider and back. */
class HostedSocialStepUpControllerTest extends HostedSliceTest {

  private static final String SOCIAL = "/hosted/demo/step-up/social";

  @Test
  void startingSendsTheBrowserToTheProvider() throws Exception {
    when(startSocialStepUp.start(
            argThat(
                (StartSocialStepUpCommand command) ->
                    command.provider().equals("google") && command.redirectUri().equals(WALLET))))
        .thenReturn(URI.create("https://accounts.example/authorize?state=s1"));
    mvc.perform(
            post(SOCIAL)
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("provider", "google"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "https://accounts.example/authorize?state=s1"));
  }

  @Test
  void aProviderTheEnvironmentLacksIsRefusedInPlace() throws Exception {
    when(startSocialStepUp.start(any()))
        .thenThrow(new RefusedException(RefusalReason.METHOD_DISABLED));
    mvc.perform(
            post(SOCIAL)
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("provider", "myspace"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("This verification method is turned off here.")));
  }

  @Test
  void aLoginOfAnotherBrowserSessionIsNotFinishedHere() throws Exception {
    socialLoginEnds(
        new Outcome(
            WALLET,
            new SessionId("ses_other"),
            Optional.of(token(Scope.WALLET_EXPORT)),
            Optional.empty(),
            Optional.empty()));
    mvc.perform(
            get(SOCIAL + "/google/callback")
                .cookie(signedIn(email()))
                .param("state", "s1")
                .param("code", "c1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("another browser session")))
        .andExpect(content().string(not(containsString("eat_secret"))));
  }

  @Test
  void aFinishedLoginGoesOnWithoutTheTokenInTheAddress() throws Exception {
    socialLoginEnds(
        new Outcome(
            WALLET,
            new SessionId("ses_1"),
            Optional.of(token(Scope.WALLET_EXPORT)),
            Optional.empty(),
            Optional.empty()));
    mvc.perform(
            get(SOCIAL + "/google/callback")
                .cookie(signedIn(email()))
                .param("state", "s1")
                .param("code", "c1"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET));
  }

  @Test
  void aSignedOutCallbackIsSentToSignIn() throws Exception {
    mvc.perform(get(SOCIAL + "/google/callback").param("state", "s1"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
  }
}
