package dev.stepup.adapter.in.web.api.stepup;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase.Outcome;
import dev.stepup.application.port.in.stepup.StartSocialStepUpCommand;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step-up by a social sign-in over the API: off to the provider, and the callback back. */
class SocialStepUpControllerTest extends ApiSliceTest {

  private static final String AUTHORIZE = ENV + "/step-up/social/google/authorize";

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void authorizeRedirectsToTheProviderWithThisServersCallback() throws Exception {
    when(startSocialStepUp.start(
            argThat(
                (StartSocialStepUpCommand command) ->
                    command.provider().equals("google")
                        && command.scopes().equals(Set.of(Scope.WALLET_SIGN))
                        && command.redirectUri().equals("https://app.example/done")
                        && command
                            .callbackUri()
                            .equals("http://localhost" + ENV + "/step-up/social/google/callback"))))
        .thenReturn(URI.create("https://accounts.example/authorize?state=s1"));
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .param("requestedScopes", "wallet:sign")
                .param("redirectUri", "https://app.example/done"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "https://accounts.example/authorize?state=s1"))
        .andExpect(header().string("Cache-Control", "no-store"));
  }

  @Test
  void aScriptAskingForJsonGetsTheUrlInstead() throws Exception {
    when(startSocialStepUp.start(any()))
        .thenReturn(URI.create("https://accounts.example/authorize?state=s1"));
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .header("Accept", "application/json")
                .param("requestedScopes", "wallet:sign")
                .param("redirectUri", "https://app.example/done"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.authorizationUrl").value("https://accounts.example/authorize?state=s1"));
  }

  @Test
  void withoutScopesOrRedirectTheRequestIsInvalid() throws Exception {
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .param("redirectUri", "https://app.example/done"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .param("requestedScopes", "wallet:sign"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("redirectUri: is required"));
    verifyNoInteractions(startSocialStepUp);
  }

  @Test
  void aForeignRedirectIsRefused() throws Exception {
    when(startSocialStepUp.start(any()))
        .thenThrow(new RefusedException(RefusalReason.REDIRECT_URI_NOT_ALLOWED));
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .param("requestedScopes", "wallet:sign")
                .param("redirectUri", "https://evil.example/"))
        .andExpect(jsonPath("$.code").value("redirect_uri_not_allowed"));
  }

  @Test
  void theCallbackSendsTheBrowserBackWithTheOutcomeInTheFragment() throws Exception {
    // The provider's redirect carries no session token: the state alone names the login.
    when(finishSocialLogin.finish(
            argThat(
                command ->
                    command.environmentId().equals(DEMO)
                        && command.provider().equals("google")
                        && command.answer().state().equals("s1")
                        && command.answer().code().equals("c1")
                        && command.session().isEmpty())))
        .thenReturn(
            new Outcome(
                "https://app.example/done",
                new SessionId("ses_1"),
                Optional.of(token(Scope.WALLET_SIGN)),
                Optional.empty(),
                Optional.empty()));
    mvc.perform(
            get(ENV + "/step-up/social/google/callback").param("state", "s1").param("code", "c1"))
        .andExpect(status().isFound())
        .andExpect(
            header().string("Location", containsString("https://app.example/done#outcome=success")))
        .andExpect(header().string("Location", containsString("elevatedAccessToken=eat_secret")));
  }
}
