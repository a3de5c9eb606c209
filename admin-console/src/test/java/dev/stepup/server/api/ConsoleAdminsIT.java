package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.server.ConsoleHttp;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's admins over real HTTP, as a browser meets them: their own passwords under the
 * password rule, an authenticator app enrolled at first sign-in and asked after every password,
 * codes that work once, a fresh confirmation before destructive actions, and a session cookie of
 * their own that hosted pages never see.
 */
class ConsoleAdminsIT extends ApiTestServer {

  private static final String PASSWORD = "violet kettle drums at noon";
  private static final Pattern GENERATED = Pattern.compile("id=\"new-admin-password\">([^<]+)<");

  @Autowired AddAdminUseCase manage;

  /** An admin with {@link #PASSWORD}, added the way the first admin would add them. */
  private String newAdmin(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            manage.add(
                new AddAdminCommand(
                    "admin", name, Optional.of(PASSWORD), RequestOrigin.internal())))
        .isInstanceOf(AdminChange.Done.class);
    return name;
  }

  private ConsoleHttp browser() {
    return new ConsoleHttp("http://localhost:" + port);
  }

  /** Signed in past both steps: the password, then enrolling the app the console asks for. */
  private record Signed(ConsoleHttp browser, byte[] secret) {}

  private Signed signedIn(String admin) throws Exception {
    ConsoleHttp browser = browser();
    assertThat(location(browser.password(admin, PASSWORD)))
        .isEqualTo("/admin/sign-in/second-factor");
    return new Signed(browser, browser.enrol(CLOCK.instant()));
  }

  private static String location(HttpResponse<String> response) {
    return ConsoleHttp.location(response);
  }

  private long audited(String type, String outcome, String actor) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_trail WHERE type = ? AND outcome = ? AND actor = ?")
        .params(type, outcome, actor)
        .query(Long.class)
        .single();
  }

  @Test
  void aSecondAdminSignsInWithTheirOwnPasswordAndMustEnrolBeforeSeeingAnything() throws Exception {
    String lead = newAdmin("lead");
    ConsoleHttp leadBrowser = signedIn(lead).browser();
    String ops = "ops-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> added =
        leadBrowser.post("/admin/admins", "/admin/admins", Map.of("username", ops));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    Matcher generated = GENERATED.matcher(added.body());
    assertThat(generated.find()).as(added.body()).isTrue();
    String opsPassword = generated.group(1);
    assertThat(leadBrowser.get("/admin/admins").body()).doesNotContain(opsPassword);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE type = 'admin_added'"
                        + " AND outcome = 'success' AND actor = ? AND reason = ?")
                .params(lead, "admin:" + ops)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    ConsoleHttp opsBrowser = browser();
    assertThat(location(opsBrowser.password(ops, PASSWORD))).isEqualTo("/login?error");
    assertThat(location(opsBrowser.password(ops, opsPassword)))
        .isEqualTo("/admin/sign-in/second-factor");
    // The password alone reaches nothing but the second step, which is the enrolment.
    for (String page : List.of("/admin", "/admin/dashboard", "/admin/admins", "/admin/audit")) {
      assertThat(location(opsBrowser.get(page))).as(page).isEqualTo("/admin/sign-in/second-factor");
    }
    assertThat(location(opsBrowser.get("/admin/sign-in/second-factor")))
        .isEqualTo("/admin/sign-in/enrol");
    HttpResponse<String> enrolment = opsBrowser.get("/admin/sign-in/enrol");
    assertThat(enrolment.body()).contains("Set up your authenticator app", "id=\"totp-qr\"");
    HttpResponse<byte[]> qr =
        HttpClient.newBuilder()
            .cookieHandler(opsBrowser.cookies)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(opsBrowser.base + "/admin/sign-in/enrol/qr.png"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(qr.body()).startsWith(0x89, 'P', 'N', 'G');
    HttpResponse<String> wrong =
        opsBrowser.post("/admin/sign-in/enrol", "/admin/sign-in/enrol", Map.of("code", "000000"));
    assertThat(wrong.body()).contains("That code is wrong or was already used.");
    assertThat(location(opsBrowser.get("/admin/dashboard")))
        .isEqualTo("/admin/sign-in/second-factor");

    opsBrowser.enrol(CLOCK.instant());
    HttpResponse<String> dashboard = opsBrowser.get("/admin/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(audited("admin_second_factor_enrolled", "success", ops)).isEqualTo(1);
    assertThat(audited("admin_second_factor_enrolled", "failure", ops)).isEqualTo(1);
  }

  @Test
  void commonAndShortPasswordsAreRefusedWithAReadableMessage() throws Exception {
    String lead = newAdmin("lead");
    ConsoleHttp browser = signedIn(lead).browser();
    String weak = "weak-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> common =
        browser.post(
            "/admin/admins",
            "/admin/admins",
            Map.of("username", weak, "password", "Password2024!"));
    assertThat(common.body()).contains("This password is too common");
    HttpResponse<String> shortOne =
        browser.post(
            "/admin/admins", "/admin/admins", Map.of("username", weak, "password", "Vx7#kq2Lp"));
    assertThat(shortOne.body()).contains("The password must have at least 12 characters.");
    assertThat(browser.get("/admin/admins").body()).doesNotContain("admin-" + weak);
    assertThat(audited("admin_added", "failure", lead)).isEqualTo(2);

    // Their own password too: the current one is required and the new one follows the rule.
    String page = "/admin/account/password";
    assertThat(
            browser
                .post(
                    page, page, Map.of("currentPassword", PASSWORD, "newPassword", "qwertyuiop123"))
                .body())
        .contains("This password is too common");
    assertThat(
            browser
                .post(
                    page,
                    page,
                    Map.of(
                        "currentPassword",
                        "not my password",
                        "newPassword",
                        "amber lantern fields"))
                .body())
        .contains("The current password is wrong.");
    assertThat(
            browser
                .post(
                    page,
                    page,
                    Map.of("currentPassword", PASSWORD, "newPassword", "amber lantern fields"))
                .body())
        .contains("Your password has been changed.");
    assertThat(location(browser().password(lead, PASSWORD))).isEqualTo("/login?error");
    assertThat(location(browser().password(lead, "amber lantern fields")))
        .isEqualTo("/admin/sign-in/second-factor");
    assertThat(audited("admin_password_changed", "success", lead)).isEqualTo(1);
    assertThat(audited("admin_password_changed", "failure", lead)).isEqualTo(2);
  }

  @Test
  void aCodeWorksOnceAndAReplayIsRefused() throws Exception {
    String admin = newAdmin("replay");
    Signed first = signedIn(admin);
    first.browser().post("/admin", "/admin/sign-out", Map.of());

    CLOCK.advance(Duration.ofSeconds(30));
    ConsoleHttp mine = browser();
    mine.password(admin, PASSWORD);
    assertThat(location(mine.code(first.secret(), CLOCK.instant()))).isEqualTo("/admin");
    assertThat(mine.get("/admin").statusCode()).isEqualTo(200);

    // Someone who saw that code over the admin's shoulder, with the password too.
    ConsoleHttp onlooker = browser();
    onlooker.password(admin, PASSWORD);
    HttpResponse<String> replay = onlooker.code(first.secret(), CLOCK.instant());
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("That code is wrong or was already used.");
    assertThat(location(onlooker.get("/admin"))).isEqualTo("/admin/sign-in/second-factor");
    assertThat(audited("admin_second_factor", "failure", admin)).isEqualTo(1);
  }

  @Autowired dev.stepup.application.port.out.security.SignInTallies tallies;

  @Test
  void wrongCodesAreThrottledLikePasswords() throws Exception {
    String admin = newAdmin("guess");
    Signed first = signedIn(admin);
    ConsoleHttp guesser = browser();
    guesser.password(admin, PASSWORD);
    for (int i = 0; i < 5; i++) {
      guesser.post(
          "/admin/sign-in/second-factor",
          "/admin/sign-in/second-factor",
          Map.of("code", String.format("%06d", i)));
    }
    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<String> right = guesser.code(first.secret(), CLOCK.instant());
    try {
      assertThat(right.body()).contains("Too many wrong codes");
      assertThat(location(guesser.get("/admin"))).isEqualTo("/admin/sign-in/second-factor");
    } finally {
      // Every test here signs in from this machine's address: lift its lock for the others.
      tallies.clear("totp:ip:127.0.0.1");
      tallies.clear("totp:ip:0:0:0:0:0:0:0:1");
    }
  }

  @Test
  void aDestructiveActionNeedsAFreshSecondFactorConfirmation() throws Exception {
    Signed signed = signedIn(newAdmin("confirm"));
    ConsoleHttp browser = signed.browser();
    String keyName = "key-" + UUID.randomUUID().toString().substring(0, 8);
    String countKeys = "SELECT COUNT(*) FROM api_keys WHERE name = ?";
    Map<String, String> htmx =
        Map.of("HX-Request", "true", "HX-Current-URL", browser.base + "/admin/environments/demo");

    // The code given at sign-in confirms for five minutes; six minutes later it no longer does.
    CLOCK.advance(Duration.ofMinutes(6));
    HttpResponse<String> refused =
        browser.post(
            "/admin/environments/demo",
            "/admin/environments/demo/api-keys",
            Map.of("name", keyName, "permission", "users:write"),
            htmx);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("HX-Redirect"))
        .hasValueSatisfying(
            to -> assertThat(to).startsWith("/admin/confirm?then=/admin/environments/demo"));
    assertThat(refused.body())
        .contains("enter a current code from your authenticator app, then repeat the action.");
    assertThat(jdbc.sql(countKeys).param(keyName).query(Long.class).single()).isZero();
    HttpResponse<String> addAdmin =
        browser.post("/admin/admins", "/admin/admins", Map.of("username", "late-admin"));
    assertThat(addAdmin.statusCode()).isEqualTo(403);
    assertThat(addAdmin.body()).contains("Confirm it");
    // Reading pages never needs it.
    assertThat(browser.get("/admin/environments/demo").statusCode()).isEqualTo(200);

    HttpResponse<String> wrong =
        browser.post(
            "/admin/confirm",
            "/admin/confirm",
            Map.of("code", "000000", "then", "/admin/environments/demo"));
    assertThat(wrong.body()).contains("That code is wrong or was already used.");
    HttpResponse<String> confirmed =
        browser.post(
            "/admin/confirm",
            "/admin/confirm",
            Map.of(
                "code",
                dev.stepup.server.AdminTotp.code(signed.secret(), CLOCK.instant()),
                "then",
                "/admin/environments/demo"));
    assertThat(location(confirmed)).isEqualTo("/admin/environments/demo");

    HttpResponse<String> created =
        browser.post(
            "/admin/environments/demo",
            "/admin/environments/demo/api-keys",
            Map.of("name", keyName, "permission", "users:write"),
            htmx);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(created.body()).contains("new-key-secret");
    assertThat(jdbc.sql(countKeys).param(keyName).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void consoleAndHostedPagesNeverShareASessionCookie() throws Exception {
    Signed admin = signedIn(newAdmin("cookies"));
    HttpCookie console = admin.browser().cookie("stepup_console");
    assertThat(console).as("the console's session cookie").isNotNull();
    assertThat(console.getPath()).isEqualTo("/admin");
    assertThat(console.isHttpOnly()).isTrue();
    assertThat(admin.browser().cookie("JSESSIONID")).isNull();

    // A hosted page that keeps something for the browser makes a hosted session of its own.
    TestUser user = newUser();
    String token = signIn(user, user.credential("email"));
    HttpResponse<String> waits = hostedTotpRequest(token, null);
    String hosted = setCookie(waits, "stepup_hosted");
    assertThat(hosted).contains("Path=/hosted").contains("HttpOnly");
    assertThat(waits.headers().allValues("Set-Cookie"))
        .noneSatisfy(c -> assertThat(c).startsWith("stepup_console"));
    String hostedId = hosted.substring("stepup_hosted=".length(), hosted.indexOf(';'));

    HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    // The hosted session presented to the console, under either name: the sign-in page.
    for (String name : List.of("stepup_hosted", "stepup_console")) {
      HttpResponse<String> refused =
          raw.send(
              HttpRequest.newBuilder(URI.create(admin.browser().base + "/admin"))
                  .header("Cookie", name + "=" + hostedId)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(location(refused)).as(name).isEqualTo("/login");
    }
    // The console session presented to the hosted pages is not resumed there: they make their own.
    HttpResponse<String> swapped = hostedTotpRequest(token, console.getValue());
    assertThat(setCookie(swapped, "stepup_hosted"))
        .doesNotStartWith("stepup_hosted=" + console.getValue() + ";");
    assertThat(admin.browser().get("/admin").statusCode()).isEqualTo(200);
  }

  /**
   * A signed-in hosted user asks to add an authenticator app, which waits for step-up in the
   * browser's hosted session; {@code hostedSession} is the session cookie sent, if any.
   */
  private HttpResponse<String> hostedTotpRequest(String token, String hostedSession)
      throws Exception {
    HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String cookies =
        "stepup_session="
            + token
            + (hostedSession == null ? "" : "; stepup_hosted=" + hostedSession);
    HttpResponse<String> page =
        raw.send(
            HttpRequest.newBuilder(URI.create(base + "/hosted/demo/account"))
                .header("Cookie", cookies)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    HttpResponse<String> waits =
        raw.send(
            HttpRequest.newBuilder(URI.create(base + "/hosted/demo/account/totp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies + "; " + csrfCookie(page))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "alias=Phone&_csrf="
                            + java.net.URLEncoder.encode(
                                ConsoleHttp.csrf(page.body()),
                                java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(waits.statusCode()).as(waits.body()).isEqualTo(303);
    return waits;
  }

  private static String setCookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
  }

  private static String csrfCookie(HttpResponse<String> page) {
    return page.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CSRF cookie: " + page.headers()));
  }
}
