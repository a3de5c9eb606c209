package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase.CodeSent;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Step-up by an emailed or texted code on the hosted page: send, resend, verify. */
class HostedOtpStepUpControllerTest extends HostedSliceTest {

  private static final String OTP = "/hosted/demo/step-up/otp";

  @Test
  void aSignedOutSendIsSentToSignInAndNothingIsSent() throws Exception {
    mvc.perform(post(OTP + "/send").param("scope", "wallet:export"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in?returnTo=")));
    verifyNoInteractions(sendStepUpCode);
  }

  @Test
  void aSentCodeShowsWhereItWentAndTheCodeForm() throws Exception {
    when(sendStepUpCode.send(any()))
        .thenReturn(new CodeSent(VerificationMethod.EMAIL_OTP, new CredentialId("crd_email")));
    mvc.perform(
            post(OTP + "/send")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("returnTo", WALLET))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"sent-to\"")))
        .andExpect(content().string(containsString("a••@example.com")))
        .andExpect(content().string(containsString("id=\"verify-code\"")))
        .andExpect(content().string(containsString("data-wait=\"")));
  }

  @Test
  void aThrottledResendAnswers429AndKeepsTheCodeForm() throws Exception {
    when(sendStepUpCode.send(any()))
        .thenThrow(
            new RefusedException(RefusalReason.RESEND_TOO_SOON).retryAfter(Duration.ofSeconds(30)));
    mvc.perform(post(OTP + "/send").cookie(signedIn(email())).param("scope", "wallet:export"))
        .andExpect(status().isTooManyRequests())
        .andExpect(
            content()
                .string(
                    containsString(
                        "A code was sent moments ago. You can ask for another in 30 seconds.")))
        .andExpect(content().string(containsString("id=\"verify-code\"")));
  }

  @Test
  void aWrongCodeIs422WithTheMessageBesideTheField() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenThrow(new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(4));
    mvc.perform(
            post(OTP + "/verify")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"code-error\"")))
        .andExpect(content().string(containsString("That code is not right. 4 attempts left.")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
  }

  @Test
  void withHtmxAWrongCodeSwapsThePanelWith200() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenThrow(new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(4));
    mvc.perform(
            post(OTP + "/verify")
                .header("HX-Request", "true")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("code", "000000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"step-up-panel\"")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aLockIsAnswered429() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenThrow(
            new RefusedException(RefusalReason.METHOD_LOCKED).retryAfter(Duration.ofMinutes(15)));
    mvc.perform(
            post(OTP + "/verify")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("code", "000000"))
        .andExpect(status().isTooManyRequests())
        .andExpect(
            content().string(containsString("Too many failed attempts. Try again in 15 minutes.")));
  }

  @Test
  void anEndedSessionIsSentToSignIn() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenThrow(new RefusedException(RefusalReason.SESSION_ENDED));
    mvc.perform(
            post(OTP + "/verify")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("code", "123456"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("/hosted/demo/sign-in")));
  }

  @Test
  void aRightCodeGoesOnToTheReturnAddressWithoutTheToken() throws Exception {
    when(verifyStepUp.verify(presentingA(Proof.OtpProof.class)))
        .thenReturn(token(Scope.WALLET_EXPORT));
    mvc.perform(
            post(OTP + "/verify")
                .cookie(signedIn(email()))
                .param("scope", "wallet:export")
                .param("returnTo", ACCOUNT)
                .param("code", "123456"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT))
        .andExpect(content().string(not(containsString("eat_secret"))));
  }
}
