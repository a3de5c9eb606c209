package dev.stepup.adapter.in.web.api.user;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Host backends create users and start and end their sessions with their API key. */
class UsersControllerTest extends ApiSliceTest {

  private static final String USERS = ENV + "/users";

  @BeforeEach
  void keys() {
    hostBackendKeys();
  }

  @Test
  void aUserIsCreated() throws Exception {
    when(createUser.create(any())).thenReturn(new User(new UserId("usr_9"), DEMO, NOW, List.of()));
    mvc.perform(
            post(USERS)
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"ann@example.com\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value("usr_9"));
  }

  @Test
  void aKeyWithoutUsersWriteCannotCreate() throws Exception {
    mvc.perform(
            post(USERS)
                .header("Authorization", WEAK_KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"ann@example.com\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("the API key lacks the permission users:write"));
    verifyNoInteractions(createUser);
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    when(getUser.get(eq(DEMO), eq(new UserId("usr_x"))))
        .thenThrow(new NotFoundException("user", "usr_x"));
    mvc.perform(get(USERS + "/usr_x").header("Authorization", KEY_BEARER))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not_found"));
  }

  @Test
  void aStartedSessionAnswersItsTokenOnce() throws Exception {
    when(startSession.start(any()))
        .thenReturn(
            new StartedSession(new SessionId("ses_9"), "tok-9", NOW.plus(Duration.ofHours(1))));
    mvc.perform(post(USERS + "/usr_1/sessions").header("Authorization", KEY_BEARER))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.sessionId").value("ses_9"))
        .andExpect(jsonPath("$.sessionToken").value("tok-9"));
  }

  @Test
  void anEndUsersSessionTokenIsNoApiKey() throws Exception {
    mvc.perform(delete(USERS + "/usr_1/sessions/ses_1").header("Authorization", USER_BEARER))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    verifyNoInteractions(listSessions, endUserSession);
  }

  @Test
  void endingASessionIsNoContent() throws Exception {
    mvc.perform(delete(USERS + "/usr_1/sessions/ses_1").header("Authorization", KEY_BEARER))
        .andExpect(status().isNoContent());
    verify(endUserSession)
        .end(
            argThat(
                c ->
                    c != null
                        && c.environmentId().equals(DEMO)
                        && c.userId().equals(new UserId("usr_1"))
                        && c.sessionId().equals(new SessionId("ses_1"))));
  }
}
