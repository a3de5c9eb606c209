package dev.stepup.adapter.in.web.api.stepup;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.caller.CallerArgumentResolver;
import dev.stepup.adapter.in.web.api.caller.CallerConfiguration;
import dev.stepup.adapter.in.web.api.caller.Callers;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessTokenArgumentResolver;
import dev.stepup.adapter.in.web.api.error.ApiProblems;
import dev.stepup.adapter.in.web.api.error.BodySizeLimitFilter;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.stepup.VerifyStepUpUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.version.LegacyMfaUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Every code verification hands the operation it is asked to bind to the use case. */
@WebMvcTest(controllers = StepUpController.class)
@Import({
  Callers.class,
  CallerArgumentResolver.class,
  ElevatedAccessTokenArgumentResolver.class,
  CallerConfiguration.class,
  ApiProblems.class,
  BodySizeLimitFilter.class
})
class OperationBindingRequestsTest {

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

  private static final String OPERATION =
      "\"operation\":{\"resource\":\"wal_A\",\"digest\":\""
          + "AB".repeat(32)
          + "\",\"maxAmount\":{\"value\":\"100.50\",\"asset\":\"EUR\"}}";

  private static final OperationBinding BINDING =
      new OperationBinding(
          Optional.of("wal_A"),
          Optional.of(OperationDigest.parse("ab".repeat(32))),
          Optional.of(Amount.parse("100.5", "EUR")));

  private void verified(String path, String body) throws Exception {
    when(verify.verify(any()))
        .thenReturn(
            new IssuedElevatedToken(
                "jwt",
                new ElevatedTokenId("tok_1"),
                Set.of(Scope.WALLET_SIGN),
                false,
                Instant.parse("2026-11-24T10:10:00Z")));
    mvc.perform(
            post(BASE + path)
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
    ArgumentCaptor<VerifyStepUpCommand> command =
        ArgumentCaptor.forClass(VerifyStepUpCommand.class);
    verify(verify).verify(command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().operation()).contains(BINDING);
  }

  @Test
  void anOtpVerificationBindsItsToken() throws Exception {
    verified(
        "/otp/verify",
        "{\"verificationToken\":\"123456\",\"requestedScopes\":[\"wallet:sign\"],"
            + OPERATION
            + "}");
  }

  @Test
  void aTotpVerificationBindsItsToken() throws Exception {
    verified(
        "/totp/verify",
        "{\"code\":\"123456\",\"requestedScopes\":[\"wallet:sign\"]," + OPERATION + "}");
  }

  @Test
  void aRecoveryCodeVerificationBindsItsToken() throws Exception {
    verified(
        "/recovery-code/verify",
        "{\"code\":\"abcd-efgh\",\"requestedScopes\":[\"wallet:sign\"]," + OPERATION + "}");
  }

  @Test
  void aLegacyMfaTokenCannotBeBound() throws Exception {
    mvc.perform(
            post(BASE + "/totp/verify")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"code\":\"123456\",\"createMfaToken\":{\"singleUse\":true},"
                        + OPERATION
                        + "}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"))
        .andExpect(jsonPath("$.detail").value(containsString("operation:")));
    verify(legacyMfa, never()).verify(any());
  }

  @Test
  void aMalformedDigestIsRefusedBeforeTheCodeIsTried() throws Exception {
    mvc.perform(
            post(BASE + "/totp/verify")
                .header("Authorization", "Bearer good-session")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"code\":\"123456\",\"requestedScopes\":[\"wallet:sign\"],"
                        + "\"operation\":{\"digest\":\"nothex\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation_failed"))
        .andExpect(jsonPath("$.detail").value(containsString("digest:")));
    verify(verify, never()).verify(any());
  }
}
