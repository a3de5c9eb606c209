package dev.stepup.adapter.in.web.api.token;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.domain.scope.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Host backends issue, introspect and revoke elevated tokens with their API key. */
class ElevatedTokensControllerTest extends ApiSliceTest {

  private static final String TOKENS = ENV + "/elevated-tokens";

  @BeforeEach
  void keys() {
    hostBackendKeys();
  }

  @Test
  void aKeyWithThePermissionIssuesAToken() throws Exception {
    when(issueToken.issue(any())).thenReturn(token(Scope.WALLET_SIGN));
    mvc.perform(
            post(TOKENS)
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"usr_1\",\"scopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.elevatedAccessToken").value("eat_secret"));
  }

  @Test
  void aKeyWithoutThePermissionIs403NamingIt() throws Exception {
    mvc.perform(
            post(TOKENS)
                .header("Authorization", WEAK_KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"usr_1\",\"scopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("insufficient_permission"))
        .andExpect(jsonPath("$.detail").value("the API key lacks the permission tokens:issue"));
    verifyNoInteractions(issueToken);
  }

  @Test
  void anUnknownKeyIs401() throws Exception {
    mvc.perform(
            post(TOKENS + "/introspect")
                .header("Authorization", "Bearer sk_stolen")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"eat_1\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    verifyNoInteractions(introspectToken);
  }

  @Test
  void anUnknownScopeIsAClientError() throws Exception {
    mvc.perform(
            post(TOKENS)
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"usr_1\",\"scopes\":[\"wallet:drain\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unknown_scope"));
  }

  @Test
  void anInactiveTokenIsAnsweredWithActiveFalseOnly() throws Exception {
    when(introspectToken.introspect(any())).thenReturn(Introspection.inactive());
    mvc.perform(
            post(TOKENS + "/introspect")
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"eat_1\"}"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json("{\"active\":false}", org.springframework.test.json.JsonCompareMode.STRICT));
  }

  @Test
  void revokingAnswersAnEmptyObject() throws Exception {
    mvc.perform(
            post(TOKENS + "/revoke")
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"eat_1\"}"))
        .andExpect(status().isOk())
        .andExpect(content().json("{}"));
    verify(revokeToken).revoke(any());
  }
}
