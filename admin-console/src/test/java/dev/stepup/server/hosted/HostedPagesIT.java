package dev.stepup.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.AllowSignUpUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.server.Deliveries;
import dev.stepup.server.pages.HostedDriver;
import dev.stepup.server.pages.PagesTestServer;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The hosted pages through MockMvc on the whole application (security filters included): who is
 * sent to sign in, CSRF, return addresses, the session cookie, sign-out, in-place errors.
 */
class HostedPagesIT extends PagesTestServer {

  private static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "HostedPagesIT");

  @Autowired CreateUserUseCase users;
  @Autowired StartSessionUseCase sessions;
  @Autowired AuthenticateCallerUseCase authenticate;
  @Autowired AllowRedirectsUseCase redirects;
  @Autowired AllowSignUpUseCase signUp;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired IssueElevatedTokenUseCase issue;
  @Autowired StartTotpEnrolmentUseCase startTotp;
  @Autowired ConfirmTotpEnrolmentUseCase confirmTotp;
  @Autowired Users userStore;

  @AfterEach
  void defaults() {
    redirects.allowRedirects(new AllowRedirectsUseCase.Command(DEMO, List.of(), "test", ORIGIN));
    signUp.allowSignUp(new AllowSignUpUseCase.Command(DEMO, false, "test", ORIGIN));
  }

  // ---- signed out ------------------------------------------------------------------------------

  @Test
  void aSignedOutVisitorOfTheWalletIsSentToSignInAndBack() throws Exception {
    mvc.perform(get("/hosted/demo/wallet"))
        .andExpect(status().isSeeOther())
        .andExpect(
            header().string("Location", "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Fwallet"));
  }

  @Test
  void aSignedOutVisitorOfStepUpSignsInFirstAndComesBackToStepUp() throws Exception {
    mvc.perform(
            get("/hosted/demo/step-up")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/sign-in?returnTo="
                        + "%2Fhosted%2Fdemo%2Fstep-up%3Fscope%3Dwallet%253Aexport"
                        + "%26returnTo%3D%252Fhosted%252Fdemo%252Fwallet"));
  }

  @Test
  void theSignInPageLabelsItsInputAndLoadsNoInlineScript() throws Exception {
    String html =
        mvc.perform(get("/hosted/demo/sign-in"))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Content-Security-Policy", containsString("script-src 'self'")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<label for=\"email\">")
        .containsPattern("src=\"/webjars/htmx.org/[^\"]*/dist/htmx.min.js\"")
        .contains("name=\"_csrf\"")
        .doesNotContain("<script>");
  }

  @Test
  void anUnknownEnvironmentIsAPageNotFound() throws Exception {
    mvc.perform(get("/hosted/nowhere/sign-in"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Page not found")));
  }

  // ---- return addresses ------------------------------------------------------------------------

  @Test
  void aForeignReturnAddressIsRefusedAndNeverFollowed() throws Exception {
    Cookie session = hosted.signedIn(hosted.newUser());
    for (String foreign :
        List.of(
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)")) {
      mvc.perform(
              get("/hosted/demo/step-up")
                  .cookie(session)
                  .param("scope", "wallet:export")
                  .param("returnTo", foreign))
          .andExpect(status().isBadRequest())
          .andExpect(header().doesNotExist("Location"))
          .andExpect(content().string(containsString("does not trust")))
          .andExpect(content().string(containsString("role=\"alert\"")));
    }
    mvc.perform(get("/hosted/demo/sign-in").param("returnTo", "https://evil.example/"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anAllowListedReturnAddressIsKept() throws Exception {
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(
            DEMO, List.of("https://app.example.com"), "test", ORIGIN));
    mvc.perform(get("/hosted/demo/sign-in").param("returnTo", "https://app.example.com/done"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"https://app.example.com/done\"")));
  }

  // ---- CSRF ------------------------------------------------------------------------------------

  @Test
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    mvc.perform(post("/hosted/demo/sign-in/code").param("email", HostedDriver.emailOf(user)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/hosted/demo/sign-out").cookie(session)).andExpect(status().isForbidden());
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/hosted/demo/wallet/export").cookie(session))
        .andExpect(status().isForbidden());
    assertThat(authenticate.session(DEMO, session.getValue())).isPresent();
  }

  // ---- sign-in, cookie, sign-out ---------------------------------------------------------------

  @Test
  void theRightCodeSetsAScopedHttpOnlyLaxCookieAndSignOutEndsTheSession() throws Exception {
    User user = hosted.newUser();
    String email = HostedDriver.emailOf(user);
    mvc.perform(post("/hosted/demo/sign-in/code").with(csrf()).param("email", email))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "If an account exists for this address, a code is on its way.")));

    MvcResult signedIn =
        mvc.perform(
                post("/hosted/demo/sign-in/verify")
                    .with(csrf())
                    .param("email", email)
                    .param("code", hosted.lastCodeTo(email))
                    .param("returnTo", "/hosted/demo/wallet"))
            .andExpect(status().isSeeOther())
            .andExpect(header().string("Location", "/hosted/demo/wallet"))
            .andReturn();
    String setCookie = signedIn.getResponse().getHeader("Set-Cookie");
    assertThat(setCookie)
        .startsWith("stepup_session=st_")
        .contains("Path=/hosted/demo")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .doesNotContain("Secure");
    Cookie session = new Cookie("stepup_session", setCookie.split("[=;]")[1]);

    mvc.perform(get("/hosted/demo/wallet").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Export private key")));

    mvc.perform(post("/hosted/demo/sign-out").with(csrf()).cookie(session))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/hosted/demo/sign-in?signedOut"))
        .andExpect(header().string("Set-Cookie", containsString("Max-Age=0")));
    assertThat(authenticate.session(DEMO, session.getValue())).isEmpty();
    mvc.perform(get("/hosted/demo/wallet").cookie(session)).andExpect(status().isSeeOther());
  }

  @Test
  void overHttpsTheCookieIsSecure() throws Exception {
    User user = hosted.newUser();
    String email = HostedDriver.emailOf(user);
    mvc.perform(post("/hosted/demo/sign-in/code").secure(true).with(csrf()).param("email", email))
        .andExpect(status().isOk());
    String setCookie =
        mvc.perform(
                post("/hosted/demo/sign-in/verify")
                    .secure(true)
                    .with(csrf())
                    .param("email", email)
                    .param("code", hosted.lastCodeTo(email)))
            .andExpect(status().isSeeOther())
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    assertThat(setCookie).contains("Secure");
  }

  @Test
  void anUnknownAddressGetsTheSameAnswerAsAnAccountAndNoMail() throws Exception {
    for (boolean htmx : List.of(true, false)) {
      String known = HostedDriver.emailOf(hosted.newUser());
      String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
      MvcResult forKnown = sendSignInCode(known, htmx);
      MvcResult forUnknown = sendSignInCode(unknown, htmx);

      assertThat(forKnown.getResponse().getStatus()).isEqualTo(200);
      assertThat(forUnknown.getResponse().getStatus()).isEqualTo(200);
      String unknownPage = forUnknown.getResponse().getContentAsString();
      assertThat(unknownPage)
          .contains("If an account exists for this address, a code is on its way.")
          .doesNotContain("No account");
      assertThat(same(forUnknown, unknown)).isEqualTo(same(forKnown, known));
      assertThat(htmx).isEqualTo(!unknownPage.contains("<html"));

      // Asking again at once is throttled for both alike.
      MvcResult againKnown = sendSignInCode(known, htmx);
      MvcResult againUnknown = sendSignInCode(unknown, htmx);
      assertThat(againUnknown.getResponse().getStatus())
          .isEqualTo(againKnown.getResponse().getStatus());
      assertThat(same(againUnknown, unknown)).isEqualTo(same(againKnown, known));

      Deliveries.settle(jdbc); // mail goes out after commit: wait, or "none" proves nothing
      assertThat(outbox.recent(DEMO, 200)).noneMatch(m -> m.recipient().equals(unknown));
      assertThat(outbox.recent(DEMO, 200)).anyMatch(m -> m.recipient().equals(known));

      // A guessed code is answered alike too: the page never tells who has an account.
      String guess = otherThan(hosted.lastCodeTo(known));
      MvcResult wrongKnown = enterSignInCode(known, guess, htmx);
      MvcResult wrongUnknown = enterSignInCode(unknown, guess, htmx);
      assertThat(wrongUnknown.getResponse().getStatus())
          .isEqualTo(wrongKnown.getResponse().getStatus());
      assertThat(same(wrongUnknown, unknown)).isEqualTo(same(wrongKnown, known));
      assertThat(wrongUnknown.getResponse().getContentAsString())
          .contains("That code is not right.");
    }
    mvc.perform(post("/hosted/demo/sign-in/code").with(csrf()).param("email", "not-an-address"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Enter an email address")));
  }

  private MvcResult enterSignInCode(String email, String code, boolean htmx) throws Exception {
    var request =
        post("/hosted/demo/sign-in/verify").with(csrf()).param("email", email).param("code", code);
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return mvc.perform(request).andReturn();
  }

  /** A six-digit code that is surely not {@code code}. */
  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  private MvcResult sendSignInCode(String email, boolean htmx) throws Exception {
    var request = post("/hosted/demo/sign-in/code").with(csrf()).param("email", email);
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return mvc.perform(request).andReturn();
  }

  /** The page with the address typed in and per-request tokens taken out. */
  private static String same(MvcResult result, String address) throws Exception {
    return withoutCsrf(result.getResponse().getContentAsString().replace(address, "ADDRESS"));
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
        .replaceAll("content=\"[^\"]*\"", "");
  }

  @Test
  void whenTheAdminAllowsSignUpAnUnknownAddressBecomesAUserBySigningIn() throws Exception {
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    String before = "before-" + email;
    mvc.perform(post("/hosted/demo/sign-in/code").with(csrf()).param("email", before))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("If an account exists for this address")));
    Deliveries.settle(jdbc);
    assertThat(outbox.recent(DEMO, 200)).noneMatch(m -> m.recipient().equals(before));

    mvc.perform(
            post("/admin/environments/demo/sign-up")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("allowed", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved.")))
        .andExpect(content().string(containsString("checked")));

    mvc.perform(post("/hosted/demo/sign-in/code").with(csrf()).param("email", email))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("We sent a 6-digit code")));
    String setCookie =
        mvc.perform(
                post("/hosted/demo/sign-in/verify")
                    .with(csrf())
                    .param("email", email)
                    .param("code", hosted.lastCodeTo(email)))
            .andExpect(status().isSeeOther())
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    assertThat(authenticate.session(DEMO, setCookie.split("[=;]")[1])).isPresent();
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, email)).isPresent();
  }

  // ---- step-up ---------------------------------------------------------------------------------

  @Test
  void aWrongStepUpCodeIsShownInPlaceWithHtmxAndAsAPageWithout() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Send code")));
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<label for=\"code\">")));
    String code = hosted.lastCodeTo(HostedDriver.emailOf(user));
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", wrong))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("That code is not right. 4 attempts left."),
                        containsString("role=\"alert\""),
                        not(containsString("<html")))));
    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", wrong))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("3 attempts left")))
        .andExpect(content().string(containsString("<html")));

    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", code))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", "/hosted/demo/wallet"));
  }

  @Test
  void aReauthUserCanChooseATextedCodeInsteadOfTheEmailTheySignedInWith() throws Exception {
    String email = "h" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
    String phone = "+1415555" + String.format("%04d", new java.util.Random().nextInt(10_000));
    User user =
        users.create(
            new CreateUserCommand(
                DEMO, Optional.of(email), Optional.of(phone), List.of(), true, ORIGIN));
    Cookie session = hosted.signedIn(user);
    String phoneId =
        user.credentials().stream()
            .filter(c -> c.format() == dev.stepup.domain.credential.CredentialFormat.PHONE_NUMBER)
            .findFirst()
            .orElseThrow()
            .id()
            .value();

    String page =
        mvc.perform(
                get("/hosted/demo/step-up")
                    .cookie(session)
                    .param("scope", "wallet:export")
                    .param("returnTo", "/hosted/demo/wallet"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Other ways to confirm")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Text a code to", "via=" + phoneId);

    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("via", phoneId))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"via\" value=\"" + phoneId + "\"")))
        .andExpect(content().string(containsString("Email a code to")));
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("via", phoneId))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("We sent a 6-digit code")));
    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", hosted.lastCodeTo(phone)))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", "/hosted/demo/wallet"));
  }

  @Test
  void anMfaUserIsAskedForTheirAppCanUseARecoveryCodeAndThenExports() throws Exception {
    User user = hosted.newUser();
    StartedSession started = hosted.start(user);
    Cookie session = new Cookie("stepup_session", started.sessionToken());
    SessionContext context = new SessionContext(DEMO, started.sessionId(), ORIGIN);
    String link =
        issue
            .issue(
                new IssueElevatedTokenCommand(
                    DEMO,
                    user.id(),
                    Optional.of(started.sessionId()),
                    Set.of(Scope.CREDENTIAL_LINK),
                    Optional.of(VerificationMethod.EMAIL_OTP),
                    ORIGIN))
            .elevatedAccessToken();
    var enrolment =
        startTotp.startTotpEnrolment(
            new StartTotpEnrolmentUseCase.Command(
                context, Optional.of("Phone"), Optional.of(link)));
    List<String> recovery =
        confirmTotp.confirmTotp(
            new ConfirmTotpEnrolmentUseCase.Command(
                context,
                enrolment.deviceId(),
                JdkTotp.codeAt(Base32.decode(pad(enrolment.secretBase32())), Instant.now())));

    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("6-digit code from your authenticator app")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "href=\"/hosted/demo/step-up/recovery?scope=wallet:export&amp;returnTo=")))
        .andExpect(content().string(not(containsString("Send code"))));
    // The mailbox cannot stand in for the authenticator app.
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("role=\"alert\"")));

    mvc.perform(
            post("/hosted/demo/step-up/totp/verify")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", "12345"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("That code is not right.")))
        .andExpect(content().string(containsString("Use a recovery code instead")));

    MockHttpSession browser = new MockHttpSession();
    mvc.perform(
            get("/hosted/demo/step-up/recovery")
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<label for=\"code\">Recovery code</label>")));
    mvc.perform(
            post("/hosted/demo/step-up/recovery/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", recovery.get(0)))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/hosted/demo/wallet"));
    String page =
        mvc.perform(
                post("/hosted/demo/wallet/export").with(csrf()).session(browser).cookie(session))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).containsPattern("0x[0-9a-f]{64}").doesNotContain("eyJ");
  }

  @Test
  void theFifthWrongCodeLocksEmailCodesAndSaysForHowLong() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .cookie(session)
                .param("scope", "wallet:export")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk());
    String code = hosted.lastCodeTo(HostedDriver.emailOf(user));
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    for (int i = 0; i < 4; i++) {
      verifyOtp(session, wrong).andExpect(status().isUnprocessableContent());
    }
    verifyOtp(session, wrong)
        .andExpect(status().isTooManyRequests())
        .andExpect(
            content().string(containsString("Too many failed attempts. Try again in 15 minutes.")));
    // Even the right code waits for the lock to end.
    verifyOtp(session, code)
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("Try again in 15 minutes.")));
  }

  private org.springframework.test.web.servlet.ResultActions verifyOtp(Cookie session, String code)
      throws Exception {
    return mvc.perform(
        post("/hosted/demo/step-up/otp/verify")
            .with(csrf())
            .cookie(session)
            .param("scope", "wallet:export")
            .param("returnTo", "/hosted/demo/wallet")
            .param("code", code));
  }

  @Test
  void signingAMessageStepsUpOnceAndTheMultiUseTokenSignsAgain() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    MockHttpSession browser = new MockHttpSession();
    mvc.perform(
            post("/hosted/demo/wallet/sign")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("message", "hello"))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/step-up?scope=wallet%3Asign&returnTo=%2Fhosted%2Fdemo%2Fwallet"));
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", "wallet:sign")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", "wallet:sign")
                .param("returnTo", "/hosted/demo/wallet")
                .param("code", hosted.lastCodeTo(HostedDriver.emailOf(user))))
        .andExpect(status().isSeeOther());

    // Back on the wallet page the signing the user asked for happens.
    mvc.perform(get("/hosted/demo/wallet").session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Signature (personal_sign)")))
        .andExpect(content().string(containsString(">hello</textarea>")));
    // wallet:sign tokens are multi-use: the next message needs no new step-up.
    mvc.perform(
            post("/hosted/demo/wallet/sign")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("message", "again"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Signature (personal_sign)")));
    // Refreshing the key is another scope, with a single-use token of its own.
    mvc.perform(post("/hosted/demo/wallet/refresh").with(csrf()).session(browser).cookie(session))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=wallet%3Arefresh")));
  }

  @Test
  void anEmptyOrOverlongMessageIsRefusedInPlaceWithoutAskingForStepUp() throws Exception {
    Cookie session = hosted.signedIn(hosted.newUser());
    for (String message : List.of("", "x".repeat(4097))) {
      mvc.perform(
              post("/hosted/demo/wallet/sign")
                  .with(csrf())
                  .cookie(session)
                  .param("message", message))
          .andExpect(status().isOk())
          .andExpect(header().doesNotExist("Location"))
          .andExpect(
              content().string(containsString("Write a message of 1 to 4096 characters to sign.")))
          .andExpect(content().string(containsString("aria-describedby=\"message-error\"")))
          .andExpect(content().string(not(containsString("Signature (personal_sign)"))));
    }
  }

  @Test
  void anUnknownScopeIsExplained() throws Exception {
    mvc.perform(
            get("/hosted/demo/step-up")
                .cookie(hosted.signedIn(hosted.newUser()))
                .param("scope", "wallet:steal")
                .param("returnTo", "/hosted/demo/wallet"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Unknown action")));
  }

  private static String pad(String base32) {
    return base32 + "=".repeat((8 - base32.length() % 8) % 8);
  }
}
