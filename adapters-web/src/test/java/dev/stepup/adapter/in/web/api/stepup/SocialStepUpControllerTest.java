package dev.stepup.adapter.in.web.api.stepup;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SocialStepUpUseCase.Outcome;
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
    when(socialStepUp.authorize(
            any(),
            eq("google"),
            eq(Set.of(Scope.WALLET_SIGN)),
            eq("https://app.example/done"),
            eq("http://localhost" + ENV + "/step-up/social/google/callback")))
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
    when(socialStepUp.authorize(any(), any(), any(), any(), any()))
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
    verifyNoInteractions(socialStepUp);
  }

  @Test
  void aForeignRedirectIsRefused() throws Exception {
    when(socialStepUp.authorize(any(), any(), any(), any(), any()))
        .thenThrow(
            new RefusedException(
                Refusal.REDIRECT_URI_NOT_ALLOWED, "that redirectUri is not allowed"));
    mvc.perform(
            get(AUTHORIZE)
                .header("Authorization", USER_BEARER)
                .param("requestedScopes", "wallet:sign")
                .param("redirectUri", "https://evil.example/"))
        .andExpect(jsonPath("$.code").value("redirect_uri_not_allowed"));
  }

  @Test
  void theCallbackSendsTheBrowserBackWithTheOutcomeInTheFragment() throws Exception {
    when(socialStepUp.callback(eq(DEMO), eq("google"), any(), any(), any()))
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
