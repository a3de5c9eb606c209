package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.token.FindElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.access.AdminAccount;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.server.Deliveries;
import dev.stepup.server.pages.PagesTestServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's sign-in hardening, users pages and dashboard, as an admin meets them: what the
 * pages show, CSRF, throttled sign-ins, sessions that end, and what is audited.
 */
class ConsoleUsersIT extends PagesTestServer {

  private static final String PASSWORD = "the right password 42";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired AdminAccounts admins;
  @Autowired SecretHasher hasher;
  @Autowired JdbcClient jdbc;
  @Autowired Environment spring;
  @Autowired CreateUserUseCase users;
  @Autowired StartSessionUseCase sessions;
  @Autowired IssueElevatedTokenUseCase issue;
  @Autowired FindElevatedTokenUseCase tokens;
  @Autowired CreateEnvironmentUseCase environments;
  @Autowired Users userStore;
  @Autowired TotpDevices totpDevices;
  @Autowired Passkeys passkeys;
  @Autowired RecoveryCodeStore recoveryCodes;
  @Autowired AuditTrail auditTrail;
  @Autowired Outbox outbox;
  @Autowired dev.stepup.application.port.out.verification.StepUpLockouts lockouts;

  /** A fresh admin account, so throttling in one test never reaches another. */
  private String newAdmin(String name) {
    admins.save(new AdminAccount(name, hasher.hashPassword(PASSWORD), Instant.now()));
    return name;
  }

  /** A client address no other test uses. */
  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static String freshAddress() {
    return "10.9.0." + ADDRESSES.incrementAndGet();
  }

  /** The sign-in form posted from {@code address}. */
  private static MockHttpServletRequestBuilder signIn(
      String username, String password, String address) {
    return post("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from(address));
  }

  private long auditCount(String type, String outcome, String actor) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE type = ? AND outcome = ? AND actor = ?")
        .params(type, outcome, actor)
        .query(Long.class)
        .single();
  }

  // ---- sign-in hardening ----------------------------------------------------------------------

  @Test
  void theSignInPageHasLabelledFieldsAndCsrf() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<label for=\"username\">Username</label>")))
        .andExpect(content().string(containsString("<label for=\"password\">Password</label>")))
        .andExpect(content().string(containsString("name=\"_csrf\" type=\"hidden\"")));
  }

  @Test
  void aSuccessfulSignInIsAuditedWithTheAdminAndAddress() throws Exception {
    String admin = newAdmin("signin-ok");
    String address = freshAddress();

    // The password leads to the second step, nowhere else.
    mvc.perform(signIn(admin, PASSWORD, address))
        .andExpect(redirectedUrl("/admin/sign-in/second-factor"))
        .andExpect(authenticated().withUsername(admin));

    assertThat(
            jdbc.sql(
                    "SELECT client_ip FROM audit_trail WHERE type = 'admin_sign_in'"
                        + " AND outcome = 'success' AND actor = ?")
                .param(admin)
                .query(String.class)
                .list())
        .containsExactly(address);
  }

  @Test
  void aWrongPasswordIsExplainedAndAudited() throws Exception {
    String admin = newAdmin("signin-wrong");

    mvc.perform(signIn(admin, "nope", freshAddress()))
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("error", ""))
        .andExpect(content().string(containsString("Wrong username or password.")));

    assertThat(auditCount("admin_sign_in", "failure", admin)).isEqualTo(1);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
    String admin = newAdmin("signin-throttled");
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn(admin, "guess " + i, freshAddress()))
          .andExpect(redirectedUrl("/login?error"));
    }

    mvc.perform(signIn(admin, PASSWORD, freshAddress()))
        .andExpect(redirectedUrl("/login?throttled=15"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("throttled", "15"))
        .andExpect(content().string(containsString("Too many failed sign-ins")))
        .andExpect(content().string(containsString("try again in 15 minutes")));

    assertThat(auditCount("admin_sign_in", "failure", admin)).isEqualTo(6);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_trail WHERE type = 'admin_sign_in' AND actor = ?"
                        + " ORDER BY pending DESC NULLS LAST, id DESC LIMIT 1")
                .param(admin)
                .query(String.class)
                .single())
        .isEqualTo("throttled");
    assertThat(auditCount("lockout", "failure", admin)).isEqualTo(1);
  }

  @Test
  void oneAddressGuessingManyUsernamesIsThrottledToo() throws Exception {
    String admin = newAdmin("signin-shared-address");
    String address = freshAddress();
    for (int i = 0; i < 5; i++) {
      mvc.perform(signIn("nobody-" + i, "x", address)).andExpect(redirectedUrl("/login?error"));
    }

    mvc.perform(signIn(admin, PASSWORD, address)).andExpect(redirectedUrl("/login?throttled=15"));
    mvc.perform(signIn(admin, PASSWORD, freshAddress()))
        .andExpect(redirectedUrl("/admin/sign-in/second-factor"));
  }

  @Test
  void signingOutNeedsCsrfEndsTheSessionAndIsAudited() throws Exception {
    mvc.perform(get("/admin").with(user("signout-admin").roles("ADMIN")))
        .andExpect(content().string(containsString("action=\"/admin/sign-out\"")))
        .andExpect(content().string(containsString("Sign out</button>")));

    mvc.perform(post("/admin/sign-out").with(user("signout-admin").roles("ADMIN")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/sign-out").with(user("signout-admin").roles("ADMIN")).with(csrf()))
        .andExpect(redirectedUrl("/login?signedOut"))
        .andExpect(unauthenticated());
    mvc.perform(get("/login").param("signedOut", ""))
        .andExpect(content().string(containsString("You have signed out.")));

    assertThat(auditCount("admin_sign_out", "success", "signout-admin")).isEqualTo(1);
  }

  @Test
  void anEndedSessionLeadsBackToSignInSayingWhy() throws Exception {
    assertThat(spring.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    // The console's cookie names a session the store no longer has (ended, or expired).
    RequestPostProcessor staleCookie =
        request -> {
          request.setCookies(new jakarta.servlet.http.Cookie("stepup_console", "c.ended-session"));
          return request;
        };

    mvc.perform(get("/admin/audit").with(staleCookie)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/admin/audit").with(staleCookie).header("HX-Request", "true"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Redirect", "/login?expired"));
    mvc.perform(get("/login").param("expired", ""))
        .andExpect(content().string(containsString("Your session ended")))
        .andExpect(content().string(not(containsString("Wrong username"))));
  }

  // ---- users ----------------------------------------------------------------------------------

  private static final AtomicInteger NAMES = new AtomicInteger();

  private User newUser(EnvironmentId environment, String email, Optional<String> phone) {
    return users.create(
        new CreateUserCommand(
            environment, Optional.of(email), phone, List.of(), false, RequestOrigin.internal()));
  }

  /** A user with an authenticator app, a passkey, recovery codes and an active session. */
  private record Enrolled(User user, SessionId session) {}

  private Enrolled userWithMfa() {
    int n = NAMES.incrementAndGet();
    User user = newUser(DEMO, "mfa" + n + "@example.test", Optional.empty());
    Instant now = Instant.now();
    CredentialId app = new CredentialId("cred_it_totp_" + n);
    CredentialId key = new CredentialId("cred_it_pk_" + n);
    totpDevices.add(TotpDevice.pending(app, user.id(), "Work phone", new byte[] {1, 2, 3}, now));
    totpDevices.confirm(app, 1, now);
    passkeys.add(
        new Passkey(
            key, user.id(), "webauthn-it-" + n, "handle", new byte[] {1}, 0, "YubiKey 5", now));
    User stored = userStore.find(DEMO, user.id()).orElseThrow();
    stored.addCredential(
        new Credential(
            app,
            CredentialFormat.TOTP,
            app.value(),
            Optional.empty(),
            Optional.of("Work phone"),
            false,
            now,
            false));
    stored.addCredential(
        new Credential(
            key,
            CredentialFormat.PASSKEY,
            "webauthn-it-" + n,
            Optional.empty(),
            Optional.of("YubiKey 5"),
            false,
            now,
            false));
    userStore.save(stored);
    recoveryCodes.replace(user.id(), List.of("digest-a-" + n, "digest-b-" + n), now);
    SessionId session =
        sessions
            .start(
                new StartSessionCommand(
                    DEMO,
                    user.id(),
                    Optional.of(user.credentials().get(0).id()),
                    RequestOrigin.internal()))
            .sessionId();
    return new Enrolled(stored, session);
  }

  private IssuedElevatedToken issueTo(EnvironmentId environment, User user, SessionId session) {
    return issue.issue(
        new IssueElevatedTokenCommand(
            environment,
            user.id(),
            Optional.ofNullable(session),
            Set.of(Scope.WALLET_SIGN),
            Optional.of(VerificationMethod.EMAIL_OTP),
            RequestOrigin.internal()));
  }

  @Test
  void signedOutAdminsCannotSeeUsersOrTheDashboard() throws Exception {
    User someone = newUser(DEMO, "hidden@example.test", Optional.empty());
    for (String page :
        List.of(
            "/admin/environments/demo/users",
            "/admin/environments/demo/users/" + someone.id().value(),
            "/admin/dashboard")) {
      mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }
    mvc.perform(
            post("/admin/environments/demo/users/" + someone.id().value() + "/reset-mfa")
                .with(csrf()))
        .andExpect(status().isFound());
  }

  @Test
  void usersAreFoundByEmailPhoneWalletOrIdAndShownMasked() throws Exception {
    User user = newUser(DEMO, "findme.console@example.test", Optional.of("+14155550177"));

    mvc.perform(console.asAdmin(get("/admin/environments/demo/users")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "<label for=\"user-q\">Email, phone, wallet address or user id</label>")));
    mvc.perform(console.asAdmin(get("/admin/environments/demo/users")).param("q", "FINDME.console"))
        .andExpect(content().string(containsString("user-" + user.id().value())))
        .andExpect(content().string(containsString("f••••@example.test")))
        .andExpect(content().string(not(containsString("findme.console@example.test"))));
    mvc.perform(
            console
                .asAdmin(get("/admin/environments/demo/users"))
                .param("q", "5550177")
                .header("HX-Request", "true"))
        .andExpect(content().string(containsString("user-" + user.id().value())))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            console.asAdmin(get("/admin/environments/demo/users")).param("q", user.id().value()))
        .andExpect(content().string(containsString("user-" + user.id().value())));
    mvc.perform(
            console
                .asAdmin(get("/admin/environments/demo/users"))
                .param("q", "no-such-user-at-all"))
        .andExpect(content().string(containsString("No users match.")));
    mvc.perform(console.asAdmin(get("/admin/environments/nowhere/users")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aUsersPageShowsCredentialsMfaSessionsAndActivity() throws Exception {
    Enrolled enrolled = userWithMfa();
    issueTo(DEMO, enrolled.user(), enrolled.session());
    String id = enrolled.user().id().value();

    mvc.perform(console.asAdmin(get("/admin/environments/demo/users/" + id)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("m••••@example.test")))
        .andExpect(content().string(containsString("Authenticator app (TOTP)")))
        .andExpect(content().string(containsString("Work phone")))
        .andExpect(content().string(containsString("YubiKey 5")))
        .andExpect(content().string(containsString("2</span> unused recovery codes")))
        .andExpect(content().string(containsString("session-" + enrolled.session().value())))
        .andExpect(content().string(containsString(">active<")))
        .andExpect(content().string(containsString("token_issued")))
        .andExpect(content().string(containsString("1</span> active elevated tokens")))
        .andExpect(content().string(containsString("hx-confirm=\"Reset this user's MFA?")))
        .andExpect(content().string(containsString("Reset MFA</button>")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
    mvc.perform(console.asAdmin(get("/admin/environments/demo/users/usr_nobody")))
        .andExpect(status().isNotFound());
  }

  @Test
  void resettingMfaNeedsCsrfRemovesDevicesRevokesTokensAndIsAudited() throws Exception {
    Enrolled enrolled = userWithMfa();
    IssuedElevatedToken token = issueTo(DEMO, enrolled.user(), enrolled.session());
    String reset = "/admin/environments/demo/users/" + enrolled.user().id().value() + "/reset-mfa";

    mvc.perform(console.asAdmin(post(reset)).header("HX-Request", "true"))
        .andExpect(status().isForbidden());
    assertThat(passkeys.forUser(enrolled.user().id())).hasSize(1);

    mvc.perform(console.asAdmin(post(reset)).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("MFA reset.")))
        .andExpect(content().string(containsString("2</span> MFA devices removed")))
        .andExpect(content().string(containsString("recovery codes removed")))
        .andExpect(content().string(containsString("No MFA devices.")))
        .andExpect(content().string(containsString("0</span> active elevated tokens")))
        .andExpect(content().string(not(containsString("Reset MFA</button>"))));

    assertThat(tokens.find(DEMO, token.tokenId()).orElseThrow().state())
        .isEqualTo(TokenState.REVOKED);
    assertThat(userStore.find(DEMO, enrolled.user().id()).orElseThrow().hasMfa()).isFalse();
    assertThat(recoveryCodes.hasAny(enrolled.user().id())).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT actor FROM audit_trail WHERE type = 'mfa_reset' AND user_id = ?"
                        + " AND environment_id = 'demo' AND outcome = 'success'")
                .param(enrolled.user().id().value())
                .query(String.class)
                .list())
        .containsExactly("admin");
    String address = enrolled.user().credentials().get(0).identifier();
    Deliveries.settle(jdbc);
    assertThat(outbox.recent(DEMO, 50))
        .filteredOn(m -> m.recipient().equals(address))
        .extracting(Outbox.OutboxMessage::subject)
        .containsExactly("An administrator reset your account's two-step verification");
  }

  @Test
  void resettingMfaOrUnlockingWithoutAFreshConfirmationIsRefused() throws Exception {
    Enrolled enrolled = userWithMfa();
    String user = "/admin/environments/demo/users/" + enrolled.user().id().value();
    // Past the second step, but no code entered in this session within the last minutes.
    for (String action : List.of(user + "/reset-mfa", user + "/unlock-step-up")) {
      mvc.perform(
              post(action)
                  .with(user("admin").roles("ADMIN"))
                  .with(csrf())
                  .header("HX-Request", "true")
                  .header("HX-Current-URL", "http://localhost" + user))
          .andExpect(status().isForbidden())
          .andExpect(header().string("HX-Redirect", "/admin/confirm?then=" + user + "&needed"))
          .andExpect(content().string(containsString("enter a current code from your")));
    }
    assertThat(passkeys.forUser(enrolled.user().id())).hasSize(1);
    assertThat(userStore.find(DEMO, enrolled.user().id()).orElseThrow().hasMfa()).isTrue();
  }

  @Test
  void unlockingAHardLockedUsersStepUpNeedsCsrfLiftsTheLockAndIsAudited() throws Exception {
    User user = newUser(DEMO, "locked.console@example.test", Optional.empty());
    Instant until = Instant.now().plus(java.time.Duration.ofHours(24));
    // As the limiter leaves it after the hundredth failure in a row.
    lockouts.compareAndSave(
        Optional.empty(),
        new dev.stepup.domain.attempt.ConsecutiveFailures(user.id(), 100, Optional.of(until)));
    String page = "/admin/environments/demo/users/" + user.id().value();

    mvc.perform(console.asAdmin(get(page)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"locked-until\"")))
        .andExpect(content().string(containsString("Unlock step-up</button>")));
    mvc.perform(console.asAdmin(post(page + "/unlock-step-up")).header("HX-Request", "true"))
        .andExpect(status().isForbidden());
    assertThat(lockouts.find(user.id())).isPresent();

    mvc.perform(
            console
                .asAdmin(post(page + "/unlock-step-up"))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("Step-up unlocked")))
        .andExpect(content().string(containsString("Not locked.")))
        .andExpect(content().string(not(containsString("Unlock step-up</button>"))));

    assertThat(lockouts.find(user.id())).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT actor FROM audit_trail WHERE type = 'lockout_reset' AND user_id = ?"
                        + " AND environment_id = 'demo' AND outcome = 'success'")
                .param(user.id().value())
                .query(String.class)
                .list())
        .containsExactly("admin");
  }

  // ---- dashboard ------------------------------------------------------------------------------

  private void audited(EnvironmentId env, AuditEventType type, AuditEvent.Outcome outcome) {
    auditTrail.record(
        new AuditEvent(
            Instant.now(),
            Optional.of(env),
            type,
            outcome,
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.of(VerificationMethod.EMAIL_OTP),
            Optional.empty(),
            Optional.empty(),
            RequestOrigin.internal()));
  }

  @Test
  void theDashboardShowsTodaysNumbersAsBarsAndText() throws Exception {
    EnvironmentId dash = new EnvironmentId("dash");
    environments.create(
        CreateEnvironmentUseCase.Command.of(
            "dash", "Dashboard test", "admin", RequestOrigin.internal()));
    User user = newUser(dash, "dash@example.test", Optional.empty());
    issueTo(dash, user, null);
    audited(dash, AuditEventType.VERIFICATION, AuditEvent.Outcome.SUCCESS);
    audited(dash, AuditEventType.VERIFICATION, AuditEvent.Outcome.FAILURE);
    audited(dash, AuditEventType.LOCKOUT, AuditEvent.Outcome.FAILURE);

    String page =
        mvc.perform(console.asAdmin(get("/admin/dashboard")).param("env", "dash"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"figure-step-ups\">1<")))
            .andExpect(content().string(containsString("<span>50</span>%")))
            .andExpect(content().string(containsString("id=\"figure-lockouts\">1<")))
            .andExpect(content().string(containsString("id=\"figure-active-tokens\">1<")))
            .andExpect(
                content().string(containsString("<svg class=\"chart\" id=\"chart-methods\"")))
            .andExpect(
                content().string(containsString("<th scope=\"row\">Email code</th><td>1</td>")))
            .andExpect(content().string(not(containsString("<script>"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page.indexOf(">Dashboard</a>")).isLessThan(page.indexOf(">Environments</a>"));
    mvc.perform(console.asAdmin(get("/admin/dashboard")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Dashboard · <span>Demo</span>")));
    mvc.perform(console.asAdmin(get("/admin/dashboard")).param("env", "nowhere"))
        .andExpect(status().isNotFound());
  }
}
