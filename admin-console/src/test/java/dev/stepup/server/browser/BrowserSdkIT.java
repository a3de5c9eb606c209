package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.scope.Scope;
import dev.stepup.server.api.ApiTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The browser SDK served at {@code /sdk/v1/stepup.js} (public, cacheable, with declarations that
 * name every call), imported by a page in headless Chromium and called as a host application would:
 * check (failing closed), step up by email code, then the fetch wrapper performs the protected
 * action with the token attached, never sends a spent single-use token again, sends the session
 * token to the step-up server only, and after the RFC 9470 challenge steps up once and retries
 * once. {@link BrowserSdkMethodsIT} covers the other methods.
 */
class BrowserSdkIT extends ApiTestServer {

  private static final List<String> CALLS =
      List.of(
          "checkStepUpAuth",
          "hasElevatedAccessToken",
          "sendEmailOTP",
          "sendSmsOTP",
          "verifyOTP",
          "authenticateTotpMfaDevice",
          "authenticateMfaRecoveryCode",
          "authenticatePasskeyMFA",
          "verifyWallet",
          "verifySocial",
          "promptStepUpAuth",
          "fetch",
          "resetState");

  @Autowired FindEnvironmentsUseCase environments;
  @Autowired ConfigureStepUpUseCase configure;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private SdkPage page;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    page = new SdkPage(browser, wait, port);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theModuleAndItsTypesArePublicCacheableAndNameEveryCall() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> module = get(http, "/sdk/v1/stepup.js", Map.of());
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.headers().firstValue("Content-Type"))
        .hasValue("text/javascript;charset=UTF-8");
    assertThat(module.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=86400", "public")
        .doesNotContain("no-store", "no-cache");
    assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(module.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(module.body()).contains("export function createStepUp(");
    // No storage but memory: tokens never reach localStorage, sessionStorage or cookies.
    assertThat(module.body())
        .doesNotContainPattern("(localStorage|sessionStorage)\\s*[.\\[]")
        .doesNotContain("document.cookie");
    String etag = module.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get(http, "/sdk/v1/stepup.js", Map.of("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    HttpResponse<String> types = get(http, "/sdk/v1/stepup.d.ts", Map.of());
    assertThat(types.statusCode()).isEqualTo(200);
    assertThat(types.headers().firstValue("Content-Type"))
        .hasValue("application/typescript;charset=UTF-8");
    assertThat(types.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
    assertThat(types.body()).contains("export declare function createStepUp(");
    for (String call : CALLS) {
      assertThat(types.body()).as(call).containsPattern("\\b" + call + "\\(");
    }
    assertThat(get(http, "/sdk/v1/nothing.js", Map.of()).statusCode()).isNotEqualTo(200);

    // The page imports it; the client has exactly the calls the declarations name.
    TestUser user = newUser();
    Object calls = page.load(signIn(user, user.credential("email")));
    assertThat(calls).asList().containsExactlyInAnyOrderElementsOf(CALLS);
  }

  @Test
  void aMonitoredScopeReadsAsNotRequiredWithItsReason() {
    TestUser user = newUser();
    page.load(signIn(user, user.credential("email")));
    EnvironmentId demo = new EnvironmentId("demo");
    StepUpSettings before = environments.find(demo).orElseThrow().settings();
    configure.configure(
        new ConfigureStepUpCommand(
            demo,
            before.withAction(
                before.action(Scope.WALLET_REFRESH).withEnforcement(Enforcement.MONITOR)),
            "it",
            RequestOrigin.internal()));
    try {
      assertThat(page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:refresh' })"))
          .containsEntry("isRequired", false)
          .containsEntry("reason", "monitored");
      assertThat(page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
          .containsEntry("isRequired", true)
          .containsEntry("reason", "step_up_required");
    } finally {
      configure.configure(new ConfigureStepUpCommand(demo, before, "it", RequestOrigin.internal()));
    }
  }

  @Test
  void anEmailCodeStepsUpAndTheFetchWrapperSpendsTheTokenOnce() {
    TestUser user = newUser();
    page.load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    Map<String, Object> check =
        page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })");
    assertThat(check).containsEntry("isRequired", true);
    assertThat(check.get("credentials").toString()).contains("format=email");
    assertThat(check).containsEntry("defaultCredentialId", user.credential("email"));
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    Map<String, Object> sent = page.okMap("return stepUp.sendEmailOTP()");
    assertThat(sent).containsEntry("verificationType", "email");
    // A wrong code is refused with the server's code, and leaves nothing held.
    assertThat(
            page.error(
                "return stepUp.verifyOTP({ verificationToken: args[0],"
                    + " requestedScopes: ['wallet:export'] })",
                other(mailedCode(user.email()))))
        .containsEntry("code", "invalid_code");
    Map<String, Object> token =
        page.okMap(
            "return stepUp.verifyOTP({ verificationToken: args[0],"
                + " requestedScopes: ['wallet:export'] })",
            mailedCode(user.email()));
    assertThat(token).containsEntry("singleUse", true).containsKey("elevatedAccessToken");
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(true);
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(false);
    // Held locally: check answers without asking the server.
    int before = page.sentCount();
    assertThat(page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
        .containsEntry("isRequired", false);
    assertThat(page.sentCount()).isEqualTo(before);

    Map<String, Object> exported = page.okMap(SdkPage.fetchScript(export, "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
    assertThat(page.lastSent()).containsEntry("token", token.get("elevatedAccessToken"));
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    // The spent token is never offered again: the next export goes without one, is challenged,
    // asks the host to step up once (it does nothing here) and is retried once, still without.
    before = page.sentCount();
    Map<String, Object> second = page.okMap(SdkPage.fetchScript(export, "wallet:export"));
    assertThat(second).containsEntry("status", 401L);
    assertThat(((Map<?, ?>) second.get("body")).get("code")).isEqualTo("step_up_required");
    assertThat(page.ok("return window.stepUpsAsked")).asList().containsExactly("wallet:export");
    List<?> tries = (List<?>) page.ok("return window.sent.slice(args[0])", before);
    assertThat(tries).hasSize(2);
    assertThat(tries).allSatisfy(t -> assertThat(((Map<?, ?>) t).get("token")).isNull());
  }

  @Test
  void afterTheChallengeTheFetchWrapperStepsUpAndRetriesWithTheNewToken() {
    TestUser user = newUser();
    page.load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    // The host's step-up: send the code, wait for the user to type it, verify.
    page.ok(
        """
        window.stepUpBy = async (scope) => {
          await stepUp.sendEmailOTP();
          const code = await new Promise((resolve) => { window.typeCode = resolve; });
          await stepUp.verifyOTP({ verificationToken: code, requestedScopes: [scope] });
        };
        window.exported = (async () => {
          const r = await stepUp.fetch(args[0], { method: 'POST', scope: 'wallet:export' });
          return { status: r.status, body: await r.json() };
        })();
        """,
        export);
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return !!window.typeCode")));
    browser.executeScript("window.typeCode(arguments[0])", mailedCode(user.email()));
    Map<String, Object> exported = page.okMap("return window.exported");

    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
    assertThat(page.ok("return window.stepUpsAsked")).asList().containsExactly("wallet:export");
    List<?> exports =
        (List<?>) page.ok("return window.sent.filter((s) => s.url.endsWith('/export'))");
    assertThat(exports).hasSize(2);
    assertThat(((Map<?, ?>) exports.get(0)).get("token")).isNull();
    assertThat(((Map<?, ?>) exports.get(1)).get("token")).isNotNull();
  }

  @Test
  void checkFailsClosed() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    // A session the server does not know: the check's error reads as "required", never "not".
    page.load("ses_not-a-session-" + session.substring(0, 8));
    assertThat(page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
        .containsEntry("isRequired", true)
        .containsEntry("credentials", List.of());
    // An unknown scope is an error on the server: still "required".
    page.load(session);
    assertThat(page.okMap("return stepUp.checkStepUpAuth({ scope: 'no:such-scope' })"))
        .containsEntry("isRequired", true);
    assertThat(page.error("return stepUp.verifyOTP({ verificationToken: '123456' })"))
        .containsEntry("code", "validation_failed");
  }

  @Test
  void theSessionTokenGoesToTheStepUpServerOnly() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    page.load(session);
    // The host's own backend (another origin here) gets the request as the host wrote it.
    String elsewhere = "http://127.0.0.1:" + port + "/anything";
    page.run("return stepUp.fetch(args[0], { method: 'POST' })", elsewhere);
    assertThat(page.lastSent())
        .containsEntry("url", elsewhere)
        .containsEntry("authorization", null)
        .containsEntry("apiVersion", null);
    // Every call to the step-up server names the API version the SDK is written for.
    page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })");
    assertThat(page.lastSent()).containsEntry("apiVersion", "2026_04_01");
    // The step-up server's protected action gets the bearer session token.
    page.okMap(
        SdkPage.fetchScript(ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(page.lastSent())
        .containsEntry("authorization", "Bearer " + session)
        .containsEntry("apiVersion", "2026_04_01");
  }

  // ---- helpers ----

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String embeddedWallet(TestUser user) {
    return SdkPage.wallet(user.json(), "embedded");
  }

  private HttpResponse<String> get(HttpClient http, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
