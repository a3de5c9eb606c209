package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase.SignInCodeSent;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.session.SessionId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signing in to the hosted pages by an emailed code, and signing out, as the browser sees it. */
class HostedSignInControllerTest extends HostedSliceTest {

  @Test
  void theSignInPageAsksForAnEmailAddress() throws Exception {
    mvc.perform(get("/hosted/demo/sign-in"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"email\"")))
        .andExpect(content().string(containsString("value=\"/hosted/demo/wallet\"")));
  }

  @Test
  void aForeignReturnAddressIsRefusedOnAPageOfItsOwn() throws Exception {
    mvc.perform(get("/hosted/demo/sign-in").param("returnTo", "https://evil.example/steal"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("This link cannot be followed")))
        .andExpect(content().string(not(containsString("evil.example"))));
  }

  @Test
  void anEnvironmentThatCannotExistIsNotFound() throws Exception {
    mvc.perform(get("/hosted/No_Such!/sign-in"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Page not found")));
  }

  @Test
  void aSentCodeShowsTheMaskedAddressAndTheCodeForm() throws Exception {
    when(sendSignInCode.send(any())).thenReturn(new SignInCodeSent("a••@example.com", false));
    mvc.perform(post("/hosted/demo/sign-in/code").param("email", "ann@example.com"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("a••@example.com")))
        .andExpect(content().string(containsString("id=\"verify-code\"")))
        .andExpect(content().string(containsString("id=\"resend-code\"")));
  }

  @Test
  void aWrongCodeIsExplainedInPlace() throws Exception {
    when(signInWithCode.signIn(any()))
        .thenThrow(new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(2));
    mvc.perform(
            post("/hosted/demo/sign-in/verify")
                .param("email", "ann@example.com")
                .param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("That code is not right.")))
        .andExpect(content().string(containsString("<html")))
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void withHtmxARefusalAnswers200WithThePanelOnly() throws Exception {
    when(signInWithCode.signIn(any()))
        .thenThrow(new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(2));
    mvc.perform(
            post("/hosted/demo/sign-in/verify")
                .header("HX-Request", "true")
                .param("email", "ann@example.com")
                .param("code", "000000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"sign-in-panel\"")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aRightCodeSetsTheSessionCookieAndGoesOn() throws Exception {
    when(signInWithCode.signIn(any()))
        .thenReturn(
            new StartedSession(new SessionId("ses_9"), "new-token", NOW.plus(Duration.ofHours(1))));
    mvc.perform(
            post("/hosted/demo/sign-in/verify")
                .param("email", "ann@example.com")
                .param("code", "123456"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", WALLET))
        .andExpect(
            header()
                .string(
                    "Set-Cookie",
                    allOf(
                        containsString("stepup_session=new-token"),
                        containsString("HttpOnly"),
                        containsString("SameSite=Lax"),
                        containsString("Path=/hosted/demo"))));
  }

  @Test
  void withHtmxARightCodeRedirectsByHeader() throws Exception {
    when(signInWithCode.signIn(any()))
        .thenReturn(
            new StartedSession(new SessionId("ses_9"), "new-token", NOW.plus(Duration.ofHours(1))));
    mvc.perform(
            post("/hosted/demo/sign-in/verify")
                .header("HX-Request", "true")
                .param("email", "ann@example.com")
                .param("code", "123456"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", WALLET));
  }

  @Test
  void signingOutEndsTheSessionAndClearsTheCookie() throws Exception {
    mvc.perform(post("/hosted/demo/sign-out").cookie(signedIn(email())))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/hosted/demo/sign-in?signedOut"))
        .andExpect(header().string("Set-Cookie", containsString("Max-Age=0")));
    verify(endSession)
        .end(
            argThat(
                c ->
                    c != null
                        && c.environmentId().equals(DEMO)
                        && c.sessionId().equals(new SessionId("ses_1"))));
  }

  @Test
  void signingOutWithoutASessionEndsNothing() throws Exception {
    mvc.perform(post("/hosted/demo/sign-out")).andExpect(status().isSeeOther());
    verify(endSession, never()).end(any());
  }
}
