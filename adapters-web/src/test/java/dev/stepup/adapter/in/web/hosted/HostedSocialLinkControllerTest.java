package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
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

import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase.Linked;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.application.port.in.stepup.StartSocialLinkCommand;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.session.SessionId;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Linking a social account: off to the provider, back, and the login is linked after step-up. */
class HostedSocialLinkControllerTest extends HostedSliceTest {

  private static final String SOCIAL = ACCOUNT + "/social";

  private static Outcome login(String sessionId, String loginId) {
    return new Outcome(
        ACCOUNT,
        new SessionId(sessionId),
        Optional.empty(),
        Optional.ofNullable(loginId),
        Optional.empty());
  }

  @Test
  void startingSendsTheBrowserToTheProviderWithTheAccountCallback() throws Exception {
    when(startSocialLink.start(
            argThat(
                (StartSocialLinkCommand command) ->
                    command.provider().equals("google")
                        && command.redirectUri().equals(ACCOUNT)
                        && command
                            .callbackUri()
                            .equals(
                                "http://localhost/hosted/demo/account/social/google/callback"))))
        .thenReturn(URI.create("https://accounts.example/authorize?state=s1"));
    mvc.perform(post(SOCIAL).cookie(signedIn(email())).param("provider", "google"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "https://accounts.example/authorize?state=s1"));
  }

  @Test
  void aLoginOfAnotherSessionIsNotLinked() throws Exception {
    socialLoginEnds(login("ses_other", "login_1"));
    mvc.perform(get(SOCIAL + "/google/callback").cookie(signedIn(email())).param("state", "s1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("another browser session")));
    verify(linking, never()).link(any());
  }

  @Test
  void aFinishedLoginIsLinked() throws Exception {
    socialLoginEnds(login("ses_1", "login_1"));
    when(linking.link(
            argThat(
                c ->
                    c instanceof LinkCredentialCommand.Social social
                        && social.loginId().equals("login_1"))))
        .thenReturn(
            new Linked.Done(
                credential("crd_g", CredentialFormat.OAUTH, "sub-1", "google", "a••@gmail.com")));
    mvc.perform(get(SOCIAL + "/google/callback").cookie(signedIn(email())).param("state", "s1"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("Your google account a••@gmail.com was added.")));
  }
}
