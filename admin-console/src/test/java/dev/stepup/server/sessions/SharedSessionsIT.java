package dev.stepup.server.sessions;

import static dev.stepup.server.ConsoleHttp.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.retention.PurgeExpiredDataUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.retention.DeadData;
import dev.stepup.server.AdminTotp;
import dev.stepup.server.StepUpServerApplication;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Two nodes (two application contexts, each on its own port) on one database, behind a load
 * balancer without sticky sessions: every request of a browser goes to the other node. Hosted
 * sign-in, step-up by emailed code and the protected export, the console's two-step sign-in, and
 * sign-out all work, because HTTP sessions live in the database; secrets in them are sealed.
 */
class SharedSessionsIT extends ApiTestServer {

  private static final String PASSWORD = "violet kettle drums at noon";
  private static final Pattern PRIVATE_KEY = Pattern.compile("0x[0-9a-f]{64}");
  private static final Pattern TOTP_SECRET =
      Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)</code>");
  private static final Pattern KEY = Pattern.compile("id=\"totp-key\">([A-Z2-7 ]+)<");
  private static ConfigurableApplicationContext nodeB;

  @Autowired Environment env;
  @Autowired AddAdminUseCase admins;
  @Autowired PurgeExpiredDataUseCase purge;

  /** The second node: the same database (H2 file), master key and mail server as the first. */
  private synchronized int nodeB() {
    if (nodeB == null) {
      List<String> shared =
          List.of(
              "stepup.data-dir",
              "stepup.bootstrap.demo-api-key",
              "stepup.bootstrap.admin-password",
              "spring.mail.host",
              "spring.mail.port",
              "stepup.sms.gateway-url",
              "stepup.sms.bearer-token",
              "stepup.metrics.scrape-token",
              "stepup.passkeys.origins",
              "stepup.passkeys.allow-origin-port",
              "stepup.purge.retention");
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of("--server.port=0"),
                  shared.stream().map(p -> "--" + p + "=" + env.getProperty(p)))
              .toArray(String[]::new);
      nodeB =
          new SpringApplicationBuilder(StepUpServerApplication.class)
              // The first node's test clock, so both nodes agree on code steps and send intervals.
              .initializers(
                  context ->
                      ((GenericApplicationContext) context)
                          .registerBean(
                              "testClock", Clock.class, () -> CLOCK, bean -> bean.setPrimary(true)))
              .run(args);
    }
    return ((WebServerApplicationContext) nodeB).getWebServer().getPort();
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
      nodeB = null;
    }
  }

  private TwoNodeBrowser browser() {
    return new TwoNodeBrowser(port, nodeB());
  }

  @Test
  void aHostedStepUpAndExportWorkWithEveryRequestOnTheOtherNode() throws Exception {
    TestUser user = newUser();
    TwoNodeBrowser browser = browser();

    // Sign in by emailed code: the code is asked for on one node and entered on the other.
    HttpResponse<String> sent =
        browser.post(
            "/hosted/demo/sign-in", "/hosted/demo/sign-in/code", Map.of("email", user.email()));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    HttpResponse<String> signedIn =
        browser.post(
            "/hosted/demo/sign-in",
            "/hosted/demo/sign-in/verify",
            Map.of(
                "email",
                user.email(),
                "code",
                mailedCode(user.email()),
                "returnTo",
                "/hosted/demo/wallet"));
    assertThat(location(signedIn)).as(signedIn.body()).isEqualTo("/hosted/demo/wallet");

    // The export waits for step-up in the browser's session (kept by this node) ...
    HttpResponse<String> asked =
        browser.post("/hosted/demo/wallet", "/hosted/demo/wallet/export", Map.of());
    assertThat(location(asked)).startsWith("/hosted/demo/step-up?scope=wallet%3Aexport");
    String stepUp = "/hosted/demo/step-up?scope=wallet:export&returnTo=/hosted/demo/wallet";
    Map<String, String> carried =
        Map.of("scope", "wallet:export", "returnTo", "/hosted/demo/wallet");
    HttpResponse<String> codeSent = browser.post(stepUp, "/hosted/demo/step-up/otp/send", carried);
    assertThat(codeSent.statusCode()).as(codeSent.body()).isEqualTo(200);
    Map<String, String> withCode = new java.util.HashMap<>(carried);
    withCode.put("code", mailedCode(user.email()));
    HttpResponse<String> verified =
        browser.post(stepUp, "/hosted/demo/step-up/otp/verify", withCode);
    assertThat(location(verified)).as(verified.body()).isEqualTo("/hosted/demo/wallet");
    // ... the held token is sealed in the shared session table, never readable there ...
    assertThat(sessionBytes()).doesNotContain("eyJ");

    // ... and back on the wallet page, served by the other node, the export completes.
    HttpResponse<String> exported = browser.get("/hosted/demo/wallet");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(PRIVATE_KEY.matcher(exported.body()).find()).as(exported.body()).isTrue();

    // The single-use token was handed out once: neither node hands it out again.
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> again = browser.get("/hosted/demo/wallet");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(PRIVATE_KEY.matcher(again.body()).find()).as(again.body()).isFalse();
    }
    HttpResponse<String> exportAgain =
        browser.post("/hosted/demo/wallet", "/hosted/demo/wallet/export", Map.of());
    assertThat(location(exportAgain)).startsWith("/hosted/demo/step-up?scope=wallet%3Aexport");

    // A TOTP enrolment started on one node is shown and confirmed from the other; its secret (and
    // QR code) lie sealed in the session table.
    HttpResponse<String> totp =
        browser.post("/hosted/demo/account", "/hosted/demo/account/totp", Map.of("alias", "Phone"));
    assertThat(location(totp)).startsWith("/hosted/demo/step-up?scope=credential%3Alink");
    String linkStepUp = "/hosted/demo/step-up?scope=credential:link&returnTo=/hosted/demo/account";
    Map<String, String> link =
        Map.of("scope", "credential:link", "returnTo", "/hosted/demo/account");
    // Past the resend interval since the last code (both nodes read the same test clock).
    CLOCK.set(CLOCK.instant().plusSeconds(31));
    assertThat(browser.post(linkStepUp, "/hosted/demo/step-up/otp/send", link).statusCode())
        .isEqualTo(200);
    Map<String, String> linkCode = new java.util.HashMap<>(link);
    linkCode.put("code", mailedCode(user.email()));
    assertThat(location(browser.post(linkStepUp, "/hosted/demo/step-up/otp/verify", linkCode)))
        .isEqualTo("/hosted/demo/account");
    HttpResponse<String> account = browser.get("/hosted/demo/account");
    Matcher secret = TOTP_SECRET.matcher(account.body());
    assertThat(secret.find()).as(account.body()).isTrue();
    assertThat(sessionBytes()).doesNotContain(secret.group(1));
    HttpResponse<String> qr = browser.get("/hosted/demo/account/totp/qr.png");
    assertThat(qr.statusCode()).as("the QR code from the other node").isEqualTo(200);

    // Sign-out on one node ends the session on the other.
    HttpResponse<String> out =
        browser.post("/hosted/demo/wallet", "/hosted/demo/sign-out", Map.of());
    assertThat(location(out)).isEqualTo("/hosted/demo/sign-in?signedOut");
    assertThat(location(browser.get("/hosted/demo/wallet"))).startsWith("/hosted/demo/sign-in");
  }

  @Test
  void theConsoleSignInWithItsSecondFactorAndSignOutWorkAcrossNodes() throws Exception {
    String admin = newAdmin();
    TwoNodeBrowser browser = browser();

    HttpResponse<String> password =
        browser.post("/login", "/login", Map.of("username", admin, "password", PASSWORD));
    assertThat(location(password)).isEqualTo("/admin/sign-in/second-factor");
    String afterPassword = cookie(browser, "stepup_console");
    // The signed-in context in the session carries neither the password nor its hash.
    assertThat(sessionBytes()).doesNotContain(PASSWORD, "$2a$", "$2b$", "$2y$");
    // 30 minutes without use end it, on every node.
    assertThat(
            jdbc.sql("SELECT max_inactive_interval FROM http_sessions WHERE session_id = ?")
                .param(stored(afterPassword))
                .query(Integer.class)
                .single())
        .isEqualTo(1800);
    // The table holds only a digest of the id the cookie carries: reading it takes over nothing.
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM http_sessions WHERE session_id = ?")
                .param(afterPassword)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(rowsOf(afterPassword)).isOne();
    // The enrolment page (one node) starts an enrolment; the other node confirms the same one.
    HttpResponse<String> enrol = browser.get("/admin/sign-in/enrol");
    assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(200);
    Matcher key = KEY.matcher(enrol.body());
    assertThat(key.find()).as(enrol.body()).isTrue();
    // The secret being enrolled is sealed in the session table.
    assertThat(sessionBytes()).doesNotContain(key.group(1).replace(" ", ""));
    byte[] secret = AdminTotp.secret(key.group(1));
    HttpResponse<String> done =
        browser.post(
            "/admin/sign-in/enrol",
            "/admin/sign-in/enrol",
            Map.of("code", AdminTotp.code(secret, CLOCK.instant())));
    assertThat(location(done)).as(done.body()).isEqualTo("/admin");
    // Completing the sign-in gave the session a new id; the id from before it is gone.
    String signedIn = cookie(browser, "stepup_console");
    assertThat(signedIn).isNotEqualTo(afterPassword).startsWith("c.");
    assertThat(rowsOf(afterPassword)).isZero();

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> dashboard = browser.get("/admin");
      assertThat(dashboard.statusCode()).as("node " + browser.nextNode()).isEqualTo(200);
    }
    HttpResponse<String> out = browser.post("/admin", "/admin/sign-out", Map.of());
    assertThat(location(out)).isEqualTo("/login?signedOut");
    for (int i = 0; i < 2; i++) {
      assertThat(location(browser.get("/admin"))).startsWith("/login");
    }
    assertThat(rowsOf(signedIn)).isZero();
  }

  @Test
  void anExpiredSessionRowGoesWhenThePurgeRunsAndALiveOneStays() throws Exception {
    TwoNodeBrowser expired = browser();
    TwoNodeBrowser live = browser();
    for (TwoNodeBrowser b : List.of(expired, live)) {
      assertThat(
              location(
                  b.post("/login", "/login", Map.of("username", newAdmin(), "password", PASSWORD))))
          .isEqualTo("/admin/sign-in/second-factor");
    }
    String gone = cookie(expired, "stepup_console");
    String stays = cookie(live, "stepup_console");
    jdbc.sql("UPDATE http_sessions SET expiry_time = ? WHERE session_id = ?")
        .param(1, CLOCK.instant().minusSeconds(1).toEpochMilli())
        .param(2, stored(gone))
        .update();

    PurgeExpiredDataUseCase.PurgeResult result = purge.purgeExpiredData();

    assertThat(result.deleted()).containsKey(DeadData.HTTP_SESSIONS);
    assertThat(rowsOf(gone)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM http_sessions_attributes a JOIN http_sessions s"
                        + " ON s.primary_id = a.session_primary_id WHERE s.session_id = ?")
                .param(stored(gone))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(rowsOf(stays)).isOne();
  }

  /** Rows of the session whose cookie carries {@code sessionId} (stored as its digest). */
  private long rowsOf(String sessionId) {
    return jdbc.sql("SELECT COUNT(*) FROM http_sessions WHERE session_id = ?")
        .param(stored(sessionId))
        .query(Long.class)
        .single();
  }

  /** What the table keeps of a session id: its SHA-256 digest, base64url. */
  private static String stored(String sessionId) throws IllegalStateException {
    try {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cookie(TwoNodeBrowser browser, String name) {
    return browser.cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void aSessionWhoseStoredAttributesCannotBeReadIsAFreshSessionNotAnError() throws Exception {
    String admin = newAdmin();
    TwoNodeBrowser browser = browser();
    HttpResponse<String> password =
        browser.post("/login", "/login", Map.of("username", admin, "password", PASSWORD));
    assertThat(location(password)).isEqualTo("/admin/sign-in/second-factor");
    String id = cookie(browser, "stepup_console");

    // Bytes no reader understands (a class changed in an upgrade, say) in every attribute.
    jdbc.sql(
            "UPDATE http_sessions_attributes SET attribute_bytes = ? WHERE session_primary_id ="
                + " (SELECT primary_id FROM http_sessions WHERE session_id = ?)")
        .param(1, new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x73, 0x72, 0, 1, 'X'})
        .param(2, stored(id))
        .update();

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> fresh = browser.get("/admin/sign-in/second-factor");
      assertThat(fresh.statusCode()).as(fresh.body()).isLessThan(500);
      assertThat(location(fresh)).startsWith("/login");
    }
    assertThat(rowsOf(id)).isZero();
    // Signing in again works.
    HttpResponse<String> again =
        browser.post("/login", "/login", Map.of("username", admin, "password", PASSWORD));
    assertThat(location(again)).isEqualTo("/admin/sign-in/second-factor");
  }

  @Test
  void aStoredAttributeOfAClassOutsideTheAllowListIsNotReadAndTheSessionStartsOver()
      throws Exception {
    TestUser user = newUser();
    TwoNodeBrowser browser = browser();
    HttpCookie signedIn = new HttpCookie("stepup_session", signIn(user, user.credential("email")));
    signedIn.setPath("/hosted/demo");
    signedIn.setVersion(0);
    browser.cookies.getCookieStore().add(URI.create("http://localhost/hosted/demo"), signedIn);
    // The export waits for step-up: the browser's hosted session now holds it.
    assertThat(
            location(browser.post("/hosted/demo/wallet", "/hosted/demo/wallet/export", Map.of())))
        .startsWith("/hosted/demo/step-up");
    String id = cookie(browser, "stepup_hosted");
    assertThat(id).startsWith("h.");

    // A serialized object of a class no session attribute is made of (a gadget, say).
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new LinkedMultiValueMap<String, String>());
    }
    jdbc.sql(
            "UPDATE http_sessions_attributes SET attribute_bytes = ? WHERE session_primary_id ="
                + " (SELECT primary_id FROM http_sessions WHERE session_id = ?)")
        .param(1, bytes.toByteArray())
        .param(2, stored(id))
        .update();

    HttpResponse<String> wallet = browser.get("/hosted/demo/wallet");
    assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(200);
    assertThat(PRIVATE_KEY.matcher(wallet.body()).find()).isFalse();
    assertThat(rowsOf(id)).isZero();
  }

  @Test
  void bearerApiCallsNeitherMakeNorReadASession() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    long before = sessionRows();
    for (int i = 0; i < 5; i++) {
      ApiClient.Answer check =
          api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export"));
      assertThat(check.status()).as(check.raw().body()).isEqualTo(200);
      String sessionId =
          jdbc.sql("SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL")
              .param(user.id())
              .query(String.class)
              .single();
      ApiClient.Answer issued =
          api.post(
              ENV + "/elevated-tokens",
              API_KEY,
              Map.of(
                  "userId", user.id(), "scopes", List.of("wallet:sign"), "sessionId", sessionId));
      assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
      ApiClient.Answer introspected =
          api.post(
              ENV + "/elevated-tokens/introspect",
              API_KEY,
              Map.of("token", issued.text("elevatedAccessToken")));
      assertThat(introspected.status()).as(introspected.raw().body()).isEqualTo(200);
      assertThat(issued.raw().headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith("stepup_"));
    }
    assertThat(sessionRows()).isEqualTo(before);
  }

  private long sessionRows() {
    return jdbc.sql("SELECT COUNT(*) FROM http_sessions").query(Long.class).single();
  }

  /** Every stored session attribute, as text. */
  private String sessionBytes() {
    StringBuilder all = new StringBuilder();
    for (byte[] bytes :
        jdbc.sql("SELECT attribute_bytes FROM http_sessions_attributes")
            .query((rs, n) -> rs.getBytes(1))
            .list()) {
      all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
    }
    assertThat(all).isNotEmpty();
    return all.toString();
  }

  private String newAdmin() {
    String name = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            admins.add(
                new AddAdminCommand(
                    "admin", name, Optional.of(PASSWORD), RequestOrigin.internal())))
        .isInstanceOf(AdminChange.Done.class);
    return name;
  }
}
