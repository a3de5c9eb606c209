package dev.stepup.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.server.pages.HostedDriver;
import dev.stepup.server.pages.PagesTestServer;
import dev.stepup.server.webauthn.SoftwareAuthenticator;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The hosted account page through MockMvc on the whole application: signed-out visitors sign in
 * first, every change needs its CSRF field and, for enrolment, linking and unlinking, a step-up;
 * the TOTP secret and the recovery codes are shown in the answer that made them and never again.
 */
class HostedAccountIT extends PagesTestServer {

  private static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "HostedAccountIT");
  private static final Pattern SECRET =
      Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)</code>");
  private static final Pattern RECOVERY = Pattern.compile("<li><code>([^<]+)</code></li>");
  private static final String ACCOUNT = "/hosted/demo/account";
  private static final Pattern OPTIONS = Pattern.compile("data-options=\"([^\"]*)\"");
  private static final Pattern CHALLENGE =
      Pattern.compile("name=\"challengeId\" value=\"([^\"]*)\"");

  @Autowired CreateUserUseCase users;
  @Autowired StartSessionUseCase sessions;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Users userStore;
  @Autowired IssueElevatedTokenUseCase issue;
  @Autowired StartTotpEnrolmentUseCase startTotp;
  @Autowired ConfirmTotpEnrolmentUseCase confirmTotp;
  @Autowired Passkeys passkeyStore;

  /** Completes the hosted step-up page by an emailed code, as the browser would. */
  private void stepUpByEmail(User user, Cookie session, MockHttpSession browser, String scope)
      throws Exception {
    mvc.perform(
            post("/hosted/demo/step-up/otp/send")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", scope)
                .param("returnTo", ACCOUNT))
        .andExpect(status().isOk());
    mvc.perform(
            post("/hosted/demo/step-up/otp/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", scope)
                .param("returnTo", ACCOUNT)
                .param("code", hosted.lastCodeTo(HostedDriver.emailOf(user))))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT));
  }

  @Test
  void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
    mvc.perform(get(ACCOUNT))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string("Location", "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Faccount"));
    mvc.perform(get(ACCOUNT).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", containsString("/hosted/demo/sign-in")));
    mvc.perform(get(ACCOUNT + "/totp/qr.png")).andExpect(status().isNotFound());
  }

  @Test
  void thePageListsTheCredentialsWithLabelsAndNoInlineScript() throws Exception {
    User user = hosted.newUser();
    String html =
        mvc.perform(get(ACCOUNT).cookie(hosted.signedIn(user)))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-format=\"email\"")
        .contains(user.credentials().get(0).alias().orElseThrow())
        .doesNotContain(HostedDriver.emailOf(user))
        .contains("<label for=\"totp-alias\">")
        .contains("<label for=\"link-value\">")
        .contains("name=\"_csrf\"")
        .contains("src=\"/hosted/assets/passkey-register.js\"")
        .doesNotContain("<script>")
        // The embedded wallet holds funds and cannot be removed; no MFA, no recovery codes.
        .contains("data-format=\"blockchain\"")
        .contains("aria-label=\"Remove Email ")
        .doesNotContain("aria-label=\"Remove Wallet")
        .doesNotContain("id=\"regenerate-recovery\"");
  }

  @Test
  void everyChangeWithoutTheCsrfFieldIsRefused() throws Exception {
    Cookie session = hosted.signedIn(hosted.newUser());
    for (String action :
        List.of(
            "/totp",
            "/totp/confirm",
            "/passkey",
            "/passkey/register",
            "/recovery-codes",
            "/default",
            "/link",
            "/link/confirm",
            "/link/resend",
            "/unlink")) {
      mvc.perform(post(ACCOUNT + action).cookie(session).param("code", "123456"))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void enrollingTotpStepsUpFirstThenShowsTheQrCodeAndTheRecoveryCodesOnlyOnce() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    MockHttpSession browser = new MockHttpSession();

    // No step-up yet: nothing is enrolled, the user is sent to confirm it's them.
    mvc.perform(
            post(ACCOUNT + "/totp")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("alias", "Phone"))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string(
                    "Location",
                    "/hosted/demo/step-up?scope=credential%3Alink&returnTo=%2Fhosted%2Fdemo%2Faccount"));
    mvc.perform(get(ACCOUNT + "/totp/qr.png").session(browser).cookie(session))
        .andExpect(status().isNotFound());
    // A GET alone never starts the enrolment.
    mvc.perform(get(ACCOUNT).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("totp-secret"))));

    stepUpByEmail(user, session, browser, "credential:link");

    // Back on the account page the enrolment the user asked for starts.
    String page =
        mvc.perform(get(ACCOUNT).session(browser).cookie(session))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Set up your authenticator app")
        .contains("<label for=\"totp-code\">")
        .containsPattern("<img id=\"totp-qr\" src=\"/hosted/demo/account/totp/qr.png\\?d=cred_");
    Matcher secret = SECRET.matcher(page);
    assertThat(secret.find()).as(page).isTrue();
    byte[] png =
        mvc.perform(get(ACCOUNT + "/totp/qr.png").session(browser).cookie(session))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    // The QR code belongs to this browser only.
    mvc.perform(get(ACCOUNT + "/totp/qr.png").cookie(session)).andExpect(status().isNotFound());

    byte[] key = Base32.decode(pad(secret.group(1)));
    String right = JdkTotp.codeAt(key, Instant.now());
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    // A wrong code keeps the setup on screen with the problem next to the field.
    mvc.perform(
            post(ACCOUNT + "/totp/confirm")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("code", wrong))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"totp-error\"")))
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(containsString(secret.group(1))));

    String confirmed =
        mvc.perform(
                post(ACCOUNT + "/totp/confirm")
                    .with(csrf())
                    .session(browser)
                    .cookie(session)
                    .header("HX-Request", "true")
                    .param("code", right))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(confirmed)
        .contains("Save these codes now.")
        .contains("Your authenticator app is set up.");
    Matcher codes = RECOVERY.matcher(confirmed);
    int count = 0;
    String first = null;
    while (codes.find()) {
      first = first == null ? codes.group(1) : first;
      count++;
    }
    assertThat(count).isEqualTo(10);
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, HostedDriver.emailOf(user)))
        .get()
        .satisfies(u -> assertThat(u.hasMfa()).isTrue());

    // Shown once: not on the page again, not by confirming again, and the QR code is gone.
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(first))))
        .andExpect(content().string(not(containsString(secret.group(1)))))
        .andExpect(content().string(containsString("data-format=\"totp\"")))
        .andExpect(content().string(containsString("id=\"regenerate-recovery\"")));
    mvc.perform(
            post(ACCOUNT + "/totp/confirm")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("code", right))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(not(containsString(first))))
        .andExpect(content().string(not(containsString("Save these codes now."))));
    mvc.perform(get(ACCOUNT + "/totp/qr.png").session(browser).cookie(session))
        .andExpect(status().isNotFound());

    // New recovery codes need a step-up too.
    mvc.perform(post(ACCOUNT + "/recovery-codes").with(csrf()).session(browser).cookie(session))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
  }

  @Test
  void linkingAndUnlinkingAnEmailStepUpForTheirOwnScopes() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    MockHttpSession browser = new MockHttpSession();
    String other = "b" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";

    // A malformed address is refused in place, before any step-up.
    mvc.perform(
            post(ACCOUNT + "/link")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("format", "email")
                .param("value", "not-an-address"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"link-error\"")))
        .andExpect(content().string(containsString("role=\"alert\"")));

    mvc.perform(
            post(ACCOUNT + "/link")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("format", "email")
                .param("value", other))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
    stepUpByEmail(user, session, browser, "credential:link");
    // Back on the page: a code went to the new address, and nothing is linked until it is entered.
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"link-confirm\"")))
        .andExpect(content().string(containsString("Enter the code we sent")));
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, other)).isEmpty();
    String code = hosted.lastCodeTo(other);
    mvc.perform(
            post(ACCOUNT + "/link/confirm")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("code", code.equals("123456") ? "654321" : "123456"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"proof-error\"")))
        .andExpect(content().string(containsString("That code is not right")));
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, other)).isEmpty();
    String page =
        mvc.perform(
                post(ACCOUNT + "/link/confirm")
                    .with(csrf())
                    .session(browser)
                    .cookie(session)
                    .param("code", code))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("was added.")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    User linked = userStore.findByCredential(DEMO, CredentialFormat.EMAIL, other).orElseThrow();
    assertThat(linked.id()).isEqualTo(user.id());
    String otherId =
        linked.credentials().stream()
            .filter(c -> c.identifier().equals(other))
            .findFirst()
            .orElseThrow()
            .id()
            .value();
    assertThat(page).contains("data-id=\"" + otherId + "\"");

    // Another sign-in (a code was just sent to this one, so a resend would wait a minute).
    session = hosted.signedIn(user);
    browser = new MockHttpSession();

    mvc.perform(
            post(ACCOUNT + "/unlink")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("credentialId", otherId))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Aunlink")));
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, other)).isPresent();
    stepUpByEmail(user, session, browser, "credential:unlink");
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The credential was removed.")))
        .andExpect(content().string(not(containsString(otherId))));
    assertThat(userStore.findByCredential(DEMO, CredentialFormat.EMAIL, other)).isEmpty();
  }

  @Test
  void aChangeWhoseStepUpWasAbandonedIsNotDoneAndSaysSo() throws Exception {
    Cookie session = hosted.signedIn(hosted.newUser());
    MockHttpSession browser = new MockHttpSession();
    mvc.perform(
            post(ACCOUNT + "/totp")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "HX-Redirect",
                    "/hosted/demo/step-up?scope=credential%3Alink&returnTo=%2Fhosted%2Fdemo%2Faccount"));
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Nothing was done")))
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(not(containsString("totp-secret"))));
    // Only once: the next visit is a plain page.
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(content().string(not(containsString("Nothing was done"))));
  }

  @Test
  void addingAPasskeyStepsUpFirstAndANonsenseAnswerIsRefusedInPlace() throws Exception {
    Cookie session = hosted.signedIn(hosted.newUser());
    mvc.perform(post(ACCOUNT + "/passkey").with(csrf()).cookie(session).param("alias", "Laptop"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
    mvc.perform(
            post(ACCOUNT + "/passkey/register")
                .with(csrf())
                .cookie(session)
                .param("challengeId", "nope")
                .param("credential", "{}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"account-error\"")))
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(not(containsString("data-format=\"passkey\""))));
  }

  @Test
  void aPasskeyRemovedOnThePageIsGoneEverywhereAndCanBeAddedAgain() throws Exception {
    User user = hosted.newUser();
    Cookie session = hosted.signedIn(user);
    MockHttpSession browser = new MockHttpSession();
    SoftwareAuthenticator key = new SoftwareAuthenticator(PAGE_ORIGIN);

    String passkeyId = addPasskey(user, session, browser, key, true);
    assertThat(passkeyStore.forUser(user.id())).extracting(p -> p.id().value()).contains(passkeyId);

    // Removing it: the page steps up (with this very passkey, the user's only MFA) and comes back.
    mvc.perform(
            post(ACCOUNT + "/unlink")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("credentialId", passkeyId))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Aunlink")));
    stepUpWithPasskey(session, browser, key, "credential:unlink");
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The credential was removed.")))
        .andExpect(content().string(not(containsString(passkeyId))));
    assertThat(passkeyStore.forUser(user.id())).isEmpty();
    assertThat(reload(user).credential(new dev.stepup.domain.credential.CredentialId(passkeyId)))
        .isEmpty();

    // The same authenticator can be added again: the first MFA again, so new recovery codes (the
    // old ones went with the last device). Emailed codes confirm it, in another sign-in since a
    // code was just sent to this one.
    String again = addPasskey(user, hosted.signedIn(user), new MockHttpSession(), key, true);
    assertThat(again).isNotEqualTo(passkeyId);
    assertThat(passkeyStore.forUser(user.id()))
        .singleElement()
        .satisfies(p -> assertThat(p.webauthnId()).isEqualTo(key.credentialId()));
  }

  /** Adds a passkey through the page, stepping up by email first; answers its credential id. */
  private String addPasskey(
      User user, Cookie session, MockHttpSession browser, SoftwareAuthenticator key, boolean first)
      throws Exception {
    mvc.perform(
            post(ACCOUNT + "/passkey")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("alias", "Software key"))
        .andExpect(status().isSeeOther());
    stepUpByEmail(user, session, browser, "credential:link");
    String page =
        mvc.perform(get(ACCOUNT).session(browser).cookie(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"passkey-setup\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            post(ACCOUNT + "/passkey/register")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("challengeId", group(CHALLENGE, page))
                .param("credential", key.create(json(group(OPTIONS, page)))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your passkey is added.")))
        .andExpect(
            first
                ? content().string(containsString("Save these codes now."))
                : content().string(not(containsString("Save these codes now."))));
    return reload(user).credentials().stream()
        .filter(c -> c.format() == CredentialFormat.PASSKEY)
        .findFirst()
        .orElseThrow()
        .id()
        .value();
  }

  /** Completes the hosted step-up page with a passkey assertion, as the browser's script would. */
  private void stepUpWithPasskey(
      Cookie session, MockHttpSession browser, SoftwareAuthenticator key, String scope)
      throws Exception {
    String page =
        mvc.perform(
                get("/hosted/demo/step-up")
                    .session(browser)
                    .cookie(session)
                    .param("scope", scope)
                    .param("returnTo", ACCOUNT))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            post("/hosted/demo/step-up/passkey/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", scope)
                .param("returnTo", ACCOUNT)
                .param("challengeId", group(CHALLENGE, page))
                .param("credential", key.get(json(group(OPTIONS, page)))))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT));
  }

  private User reload(User user) {
    return userStore.find(DEMO, user.id()).orElseThrow();
  }

  private static String group(Pattern pattern, String page) {
    Matcher matcher = pattern.matcher(page);
    assertThat(matcher.find()).as(pattern + " in the page").isTrue();
    return matcher.group(1);
  }

  private static tools.jackson.databind.JsonNode json(String escaped) {
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(org.springframework.web.util.HtmlUtils.htmlUnescape(escaped));
  }

  /** A TOTP device enrolled directly through the use case; answers its secret. */
  private byte[] enrolDirectly(User user, StartedSession started, String alias) {
    return enrolDirectly(user, started, alias, Instant.now());
  }

  /** Enrols with the code the app shows at {@code at}. */
  private byte[] enrolDirectly(User user, StartedSession started, String alias, Instant at) {
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
            new StartTotpEnrolmentUseCase.Command(context, Optional.of(alias), Optional.of(link)));
    byte[] key = Base32.decode(pad(enrolment.secretBase32()));
    confirmTotp.confirmTotp(
        new ConfirmTotpEnrolmentUseCase.Command(
            context, enrolment.deviceId(), JdkTotp.codeAt(key, at)));
    return key;
  }

  @Test
  void anMfaUserChoosesTheDefaultAndRenewsRecoveryCodesAfterConfirmingWithTheApp()
      throws Exception {
    User user = hosted.newUser();
    StartedSession started =
        sessions.start(
            new StartSessionCommand(
                DEMO, user.id(), Optional.of(user.credentials().get(0).id()), ORIGIN));
    Cookie session = new Cookie("stepup_session", started.sessionToken());
    // Each device's first code is one step old, so the current step is still unused for step-up
    // (TOTP never accepts a later step): one step-up with each app within this step.
    byte[] phone = enrolDirectly(user, started, "Phone", Instant.now().minusSeconds(30));
    byte[] tabletKey = enrolDirectly(user, started, "Tablet", Instant.now().minusSeconds(30));
    String tablet = credentialId(user, "Tablet");
    MockHttpSession browser = new MockHttpSession();

    String phoneId = credentialId(user, "Phone");
    // Nothing chosen yet: the most recent device is offered first and marked so.
    String before =
        mvc.perform(get(ACCOUNT).cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(before).containsOnlyOnce("class=\"badge default-mfa\"");
    // The marked device needs no "make default" button; the other one has it.
    assertThat(List.of(row(before, tablet), row(before, phoneId)))
        .filteredOn(r -> r.contains("default-mfa"))
        .singleElement()
        .satisfies(r -> assertThat(r).doesNotContain("make-default"));
    assertThat(before).containsOnlyOnce("class=\"link make-default\"");
    // Choosing the default is an MFA change: confirm it's you first, then it is done.
    mvc.perform(
            post(ACCOUNT + "/default")
                .with(csrf())
                .cookie(session)
                .header("HX-Request", "true")
                .param("credentialId", phoneId))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", containsString("scope=credential%3Alink")));
    assertThat(
            userStore
                .findByCredential(DEMO, CredentialFormat.EMAIL, HostedDriver.emailOf(user))
                .orElseThrow()
                .credentials()
                .stream()
                .filter(Credential::defaultMfa))
        .isEmpty();
    mvc.perform(
            post(ACCOUNT + "/default")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("credentialId", phoneId))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
    mvc.perform(
            post("/hosted/demo/step-up/totp/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", "credential:link")
                .param("returnTo", ACCOUNT)
                .param("code", JdkTotp.codeAt(phone, Instant.now())))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT));
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your default way to confirm it’s you")))
        .andExpect(content().string(containsString("aria-label=\"Make Tablet the default\"")))
        .andExpect(content().string(not(containsString("aria-label=\"Make Phone the default\""))));
    assertThat(
            userStore
                .findByCredential(DEMO, CredentialFormat.EMAIL, HostedDriver.emailOf(user))
                .orElseThrow()
                .credentials()
                .stream()
                .filter(Credential::defaultMfa)
                .map(c -> c.id().value()))
        .containsExactly(phoneId);

    // New recovery codes: step-up with the other app's current code (the phone's is spent).
    mvc.perform(post(ACCOUNT + "/recovery-codes").with(csrf()).session(browser).cookie(session))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", containsString("scope=credential%3Alink")));
    mvc.perform(
            post("/hosted/demo/step-up/totp/verify")
                .with(csrf())
                .session(browser)
                .cookie(session)
                .param("scope", "credential:link")
                .param("returnTo", ACCOUNT)
                .param("code", JdkTotp.codeAt(tabletKey, Instant.now())))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", ACCOUNT));
    String page =
        mvc.perform(get(ACCOUNT).session(browser).cookie(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Save these codes now.")))
            .andExpect(content().string(containsString("the old ones no longer work")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher codes = RECOVERY.matcher(page);
    assertThat(codes.find()).isTrue();
    String first = codes.group(1);
    mvc.perform(get(ACCOUNT).session(browser).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(first))))
        .andExpect(content().string(not(containsString("Save these codes now."))));
  }

  private String credentialId(User user, String alias) {
    return userStore
        .findByCredential(DEMO, CredentialFormat.EMAIL, HostedDriver.emailOf(user))
        .orElseThrow()
        .credentials()
        .stream()
        .filter(c -> c.alias().orElse("").equals(alias))
        .findFirst()
        .orElseThrow()
        .id()
        .value();
  }

  /** The table row of one credential in the page. */
  private static String row(String page, String credentialId) {
    int start = page.indexOf("data-id=\"" + credentialId + "\"");
    assertThat(start).isNotNegative();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static String pad(String base32) {
    return base32 + "=".repeat((8 - base32.length() % 8) % 8);
  }
}
