package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.user.UserDetail;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding users and a user's page: masked addresses, htmx results, unlocking step-up. */
class UserPagesControllerTest extends ConsoleSliceTest {

  private static final String USERS = "/admin/environments/demo/users";

  private static final User ANN =
      new User(
          new UserId("usr_1"),
          DEMO,
          NOW,
          List.of(
              new Credential(
                  new CredentialId("crd_email"),
                  CredentialFormat.EMAIL,
                  "ann@example.com",
                  Optional.empty(),
                  Optional.of("a••@example.com"),
                  true,
                  NOW,
                  false)));

  @BeforeEach
  void demo() {
    when(environments.find(DEMO)).thenReturn(Optional.of(DEMO_ENVIRONMENT));
    when(searchUsers.search(any())).thenReturn(List.of(ANN));
    when(userDetails.detail(DEMO, new UserId("usr_1")))
        .thenReturn(Optional.of(new UserDetail(ANN, List.of(), 0, List.of(), List.of(), 0)));
  }

  @Test
  void searchResultsShowMaskedAddressesOnly() throws Exception {
    mvc.perform(get(USERS).with(admin()).param("q", "ann"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("a••@example.com")))
        .andExpect(content().string(not(containsString("ann@example.com"))));
  }

  @Test
  void anHtmxSearchAnswersTheResultsOnly() throws Exception {
    mvc.perform(get(USERS).with(admin()).header("HX-Request", "true").param("q", "ann"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"results\"")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aTooLongSearchIsExplained() throws Exception {
    when(searchUsers.search(any()))
        .thenThrow(new IllegalArgumentException("search: at most 255 characters"));
    mvc.perform(get(USERS).with(admin()).param("q", "x".repeat(300)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("search: at most 255 characters")));
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    mvc.perform(get(USERS + "/usr_nobody").with(admin())).andExpect(status().isNotFound());
  }

  @Test
  void aPlainUnlockGoesBackToTheUsersPage() throws Exception {
    mvc.perform(
            post(USERS + "/usr_1/unlock-step-up")
                .with(admin())
                .with(csrf())
                .session(confirmedSession()))
        .andExpect(redirectedUrl(USERS + "/usr_1"));
    verify(unlockStepUp).unlock(any());
  }

  @Test
  void anHtmxUnlockAnswersTheDetailOnly() throws Exception {
    mvc.perform(
            post(USERS + "/usr_1/unlock-step-up")
                .with(admin())
                .with(csrf())
                .session(confirmedSession())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"user-detail\"")))
        .andExpect(content().string(not(containsString("<html"))));
    verify(stepUpLock).lockedUntil(eq(DEMO), eq(new UserId("usr_1")));
  }
}
