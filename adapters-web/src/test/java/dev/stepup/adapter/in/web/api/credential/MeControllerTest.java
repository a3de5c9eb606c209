package dev.stepup.adapter.in.web.api.credential;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase.Linked;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The end user's own account over the API: who they are, linking, unlinking, signing out. */
class MeControllerTest extends ApiSliceTest {

  @BeforeEach
  void signedIn() {
    endUserSignedIn();
  }

  @Test
  void meListsTheCallersCredentials() throws Exception {
    Credential email =
        new Credential(
            new CredentialId("crd_email"),
            CredentialFormat.EMAIL,
            "ann@example.com",
            Optional.empty(),
            Optional.of("a••@example.com"),
            true,
            NOW,
            false);
    when(signedInUser.me(any()))
        .thenReturn(new User(new UserId("usr_1"), DEMO, NOW, List.of(email)));
    mvc.perform(get(ENV + "/me").header("Authorization", USER_BEARER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value("usr_1"))
        .andExpect(jsonPath("$.credentials[0].id").value("crd_email"))
        .andExpect(jsonPath("$.mfa").value(false));
  }

  @Test
  void withoutASessionTokenMeIs401() throws Exception {
    mvc.perform(get(ENV + "/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(get(ENV + "/me").header("Authorization", "Bearer stolen"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
    verifyNoInteractions(signedInUser);
  }

  @Test
  void anEmailToLinkIsProvedFirst() throws Exception {
    when(linking.link(
            argThat(
                c ->
                    c instanceof LinkCredentialCommand.Contact contact
                        && contact.format().equals("email")
                        && contact.value().equals("bob@example.com")
                        && contact.elevatedToken().equals(Optional.of("eat_1")))))
        .thenReturn(
            new Linked.Pending(
                new PendingLink(
                    "pl_1",
                    CredentialFormat.EMAIL,
                    "b••@example.com",
                    NOW.plus(Duration.ofMinutes(10)))));
    mvc.perform(
            post(ENV + "/credentials")
                .header("Authorization", USER_BEARER)
                .header("X-Elevated-Access-Token", "eat_1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"email\",\"value\":\"bob@example.com\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.pendingId").value("pl_1"))
        .andExpect(jsonPath("$.confirm").value(ENV + "/credentials/pending/pl_1/confirm"));
  }

  @Test
  void aWalletWithoutASignedChallengeIsInvalid() throws Exception {
    mvc.perform(
            post(ENV + "/credentials")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"blockchain\",\"value\":\"0xab\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
    verifyNoInteractions(linking, linkWallet);
  }

  @Test
  void linkingWithoutStepUpAsksForIt() throws Exception {
    when(linking.link(argThat(c -> c != null && c.elevatedToken().isEmpty())))
        .thenThrow(
            new RefusedException(RefusalReason.STEP_UP_REQUIRED)
                .forScope("credential:link", List.of()));
    mvc.perform(
            post(ENV + "/credentials")
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"format\":\"email\",\"value\":\"bob@example.com\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("step_up_required"))
        .andExpect(jsonPath("$.scope").value("credential:link"))
        .andExpect(header().string("WWW-Authenticate", containsString("credential:link")));
  }

  @Test
  void removingTheLastCredentialIsAConflict() throws Exception {
    doThrow(new RefusedException(RefusalReason.LAST_CREDENTIAL))
        .when(unlinkCredential)
        .unlink(any());
    mvc.perform(delete(ENV + "/credentials/crd_email").header("Authorization", USER_BEARER))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("last_credential"));
  }

  @Test
  void signingOutEndsTheCallersSession() throws Exception {
    mvc.perform(delete(ENV + "/session").header("Authorization", USER_BEARER))
        .andExpect(status().isNoContent());
    verify(endSession)
        .end(
            argThat(
                c ->
                    c != null
                        && c.environmentId().equals(DEMO)
                        && c.sessionId().equals(new SessionId("ses_1"))));
  }
}
