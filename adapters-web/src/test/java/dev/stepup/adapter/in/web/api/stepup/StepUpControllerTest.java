package dev.stepup.adapter.in.web.api.stepup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.caller.CallerArgumentResolver;
import dev.stepup.adapter.in.web.api.caller.CallerConfiguration;
import dev.stepup.adapter.in.web.api.caller.Callers;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessTokenArgumentResolver;
import dev.stepup.adapter.in.web.api.error.ApiProblems;
import dev.stepup.adapter.in.web.api.error.BodySizeLimitFilter;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** How the step-up endpoints answer when the use cases fail, refuse, or cannot be reached. */
@WebMvcTest(controllers = StepUpController.class)
@Import({
  Callers.class,
  CallerArgumentResolver.class,
  ElevatedAccessTokenArgumentResolver.class,
  CallerConfiguration.class,
  ApiProblems.class,
  BodySizeLimitFilter.class
})
class StepUpControllerTest {

  private static final String BASE = "/api/v1/environments/demo/step-up";

  @Autowired MockMvc mvc;
  @MockitoBean AuthenticateCallerUseCase authenticate;
  @MockitoBean CheckStepUpUseCase check;
  @MockitoBean SendStepUpCodeUseCase send;
  @MockitoBean VerifyStepUpUseCase verify;
  @MockitoBean LegacyMfaUseCase legacyMfa;

  @BeforeEach
  void signedIn() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    when(authenticate.session(eq(new EnvironmentId("demo")), eq("good-session"), any()))
        .thenReturn(
            Optional.of(
                new Session(
                    new SessionId("ses_1"),
                    new EnvironmentId("demo"),
                    new UserId("usr_1"),
                    Optional.empty(),
                    now,
                    now.plus(Duration.ofHours(1)),
                    now,
                    Duration.ofMinutes(30),
                    null)));
  }

  @Test
  void checkThatFailsInsideAnswersRequired() throws Exception {
    when(check.check(any())).thenThrow(new IllegalStateException("database is down"));
    mvc.perform(
            post(BASE + "/check")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:export\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.isRequired").value(true))
        .andExpect(jsonPath("$.credentials").isEmpty())
        .andExpect(content().string(not(containsString("database"))));
  }

  @Test
  void unknownScopeIsAClientError() throws Exception {
    mvc.perform(
            post(BASE + "/check")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:drain\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unknown_scope"));
  }

  @Test
  void lockedMethodAnswers429WithRetryAfterInWholeSeconds() throws Exception {
    when(verify.verify(any()))
        .thenThrow(
            new RefusedException(RefusalReason.METHOD_LOCKED)
                .retryAfter(Duration.ofMillis(89_001)));
    mvc.perform(
            post(BASE + "/otp/verify")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"verificationToken\":\"123456\",\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "90"))
        .andExpect(jsonPath("$.code").value("too_many_attempts"))
        .andExpect(jsonPath("$.detail").value("Too many failed attempts. Try again in 2 minutes."));
  }

  @Test
  void unexpectedFailureIsAnOpaque500() throws Exception {
    when(verify.verify(any()))
        .thenThrow(new IllegalStateException("secret key sk_live_123 unreadable"));
    mvc.perform(
            post(BASE + "/totp/verify")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"123456\",\"requestedScopes\":[\"wallet:sign\"]}"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.code").value("internal_error"))
        .andExpect(content().string(not(containsString("sk_live_123"))))
        .andExpect(content().string(not(containsString("IllegalState"))));
  }

  @Test
  void missingOrForeignSessionIsUnauthenticated() throws Exception {
    mvc.perform(
            post(BASE + "/check")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:export\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(
            post(BASE + "/check")
                .header("Authorization", "Bearer other-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:export\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anInvalidBodyIsAnsweredBeforeTheCallerIsRecognised() throws Exception {
    // The caller is resolved after the body, as the hand-written checks did.
    mvc.perform(post(BASE + "/check").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"));
  }

  @Test
  void anEnvironmentIdThatCannotExistIsNotFound() throws Exception {
    mvc.perform(
            post("/api/v1/environments/No_Such!/step-up/check")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:export\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not_found"))
        .andExpect(jsonPath("$.detail").value("no such environment"));
  }

  @Test
  void bodyPastTheLimitIsRefused() throws Exception {
    String big = "{\"scope\":\"" + "a".repeat(70 * 1024) + "\"}";
    mvc.perform(
            post(BASE + "/check")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(big))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"))
        .andExpect(jsonPath("$.detail").value(containsString("64 KiB")));
  }
}
