package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import dev.stepup.server.api.SocialStepUpIT;
import dev.stepup.server.api.WalletStepUpIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * The browser SDK served at {@code /sdk/v1/stepup.js}, imported by a page in headless Chromium and
 * called as a host application would: check, verify by every method the browser can do (email code,
 * TOTP, recovery code, an injected wallet, a passkey in a virtual authenticator), then the fetch
 * wrapper performs the protected action with the token attached, never sends a spent single-use
 * token again, and after the RFC 9470 challenge steps up once and retries once.
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

  /**
   * Imports the module and makes the host's client; every request the SDK sends is recorded with
   * the elevated token it carried. The fetch wrapper steps up through {@code window.stepUpBy}.
   */
  private static final String LOAD =
      """
      const m = await import('/sdk/v1/stepup.js');
      window.sdk = m;
      window.sent = [];
      window.stepUpsAsked = [];
      const recording = (input, init) => {
        const request = new Request(input, init);
        window.sent.push({ url: request.url, method: request.method,
                           token: request.headers.get('X-Elevated-Access-Token'),
                           authorization: request.headers.get('Authorization') });
        return fetch(request);
      };
      window.stepUp = m.createStepUp({
        environment: 'demo',
        sessionToken: args[0],
        fetch: recording,
        onStepUpRequired: async ({ scope }) => {
          window.stepUpsAsked.push(scope);
          if (window.stepUpBy) { await window.stepUpBy(scope); }
        },
      });
      return Object.keys(window.stepUp).filter((k) => typeof window.stepUp[k] === 'function');
      """;

  /** Runs an async function body in the page: answers {ok: value} or {error: {...}}. */
  private static String run(String body) {
    return "const done = arguments[arguments.length - 1];"
        + " const args = Array.from(arguments).slice(0, -1);"
        + " (async () => {\n"
        + body
        + "\n})().then((v) => done({ ok: v === undefined ? null : v }),"
        + " (e) => done({ error: { code: e && e.code, name: e && e.name,"
        + " message: String(e && e.message), reason: e && e.reason } }));";
  }

  private static final String INJECTED_WALLET =
      """
      window.signRequests = [];
      window.ethereum = {
        request: ({ method, params }) => {
          if (method === 'eth_requestAccounts') { return Promise.resolve([window.account]); }
          if (method === 'personal_sign') {
            return new Promise((resolve, reject) =>
                window.signRequests.push({ params, resolve, reject }));
          }
          return Promise.reject(new Error('unsupported ' + method));
        }
      };
      """;

  @Autowired ManageSocialProvidersUseCase providers;
  @Autowired AllowRedirectsUseCase redirects;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
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
    Object calls = load(signIn(user, user.credential("email")));
    assertThat(calls).asList().containsExactlyInAnyOrderElementsOf(CALLS);
  }

  @Test
  void anEmailCodeStepsUpAndTheFetchWrapperSpendsTheTokenOnce() {
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    Map<String, Object> check = okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })");
    assertThat(check).containsEntry("isRequired", true);
    assertThat(check.get("credentials").toString()).contains("format=email");
    assertThat(check).containsEntry("defaultCredentialId", user.credential("email"));
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    Map<String, Object> sent = okMap("return stepUp.sendEmailOTP()");
    assertThat(sent).containsEntry("verificationType", "email");
    // A wrong code is refused with the server's code, and leaves nothing held.
    assertThat(
            error(
                "return stepUp.verifyOTP({ verificationToken: args[0],"
                    + " requestedScopes: ['wallet:export'] })",
                other(mailedCode(user.email()))))
        .containsEntry("code", "invalid_code");
    Map<String, Object> token =
        okMap(
            "return stepUp.verifyOTP({ verificationToken: args[0],"
                + " requestedScopes: ['wallet:export'] })",
            mailedCode(user.email()));
    assertThat(token).containsEntry("singleUse", true).containsKey("elevatedAccessToken");
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(true);
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(false);
    // Held locally: check answers without asking the server.
    int before = sentCount();
    assertThat(okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
        .containsEntry("isRequired", false);
    assertThat(sentCount()).isEqualTo(before);

    Map<String, Object> exported = okMap(fetchScript(export, "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
    assertThat(lastSent()).containsEntry("token", token.get("elevatedAccessToken"));
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    // The spent token is never offered again: the next export goes without one, is challenged,
    // asks the host to step up once (it does nothing here) and is retried once, still without.
    before = sentCount();
    Map<String, Object> second = okMap(fetchScript(export, "wallet:export"));
    assertThat(second).containsEntry("status", 401L);
    assertThat(((Map<?, ?>) second.get("body")).get("code")).isEqualTo("step_up_required");
    assertThat(ok("return window.stepUpsAsked")).asList().containsExactly("wallet:export");
    List<?> tries = (List<?>) ok("return window.sent.slice(args[0])", before);
    assertThat(tries).hasSize(2);
    assertThat(tries).allSatisfy(t -> assertThat(((Map<?, ?>) t).get("token")).isNull());
  }

  @Test
  void afterTheChallengeTheFetchWrapperStepsUpAndRetriesWithTheNewToken() {
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    // The host's step-up: send the code, wait for the user to type it, verify.
    ok(
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
    Map<String, Object> exported = okMap("return window.exported");

    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
    assertThat(ok("return window.stepUpsAsked")).asList().containsExactly("wallet:export");
    List<?> exports = (List<?>) ok("return window.sent.filter((s) => s.url.endsWith('/export'))");
    assertThat(exports).hasSize(2);
    assertThat(((Map<?, ?>) exports.get(0)).get("token")).isNull();
    assertThat(((Map<?, ?>) exports.get(1)).get("token")).isNotNull();
  }

  @Test
  void checkFailsClosed() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    // A session the server does not know: the check's error reads as "required", never "not".
    load("ses_not-a-session-" + session.substring(0, 8));
    assertThat(okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
        .containsEntry("isRequired", true)
        .containsEntry("credentials", List.of());
    // An unknown scope is an error on the server: still "required".
    load(session);
    assertThat(okMap("return stepUp.checkStepUpAuth({ scope: 'no:such-scope' })"))
        .containsEntry("isRequired", true);
    assertThat(error("return stepUp.verifyOTP({ verificationToken: '123456' })"))
        .containsEntry("code", "validation_failed");
  }

  @Test
  void theSessionTokenGoesToTheStepUpServerOnly() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    load(session);
    // The host's own backend (another origin here) gets the request as the host wrote it.
    String elsewhere = "http://127.0.0.1:" + port + "/anything";
    run("return stepUp.fetch(args[0], { method: 'POST' })", elsewhere);
    assertThat(lastSent()).containsEntry("url", elsewhere).containsEntry("authorization", null);
    // The step-up server's protected action gets the bearer session token.
    okMap(fetchScript(ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(lastSent()).containsEntry("authorization", "Bearer " + session);
  }

  @Test
  void anMfaUserStepsUpWithTheAuthenticatorAppAndARecoveryCode() {
    Enrolled enrolled = enrolTotp();
    load(enrolled.session());
    String wallet = embeddedWallet(enrolled.user());

    Map<String, Object> check = okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:sign' })");
    assertThat(check).containsEntry("isRequired", true);
    assertThat(check).containsEntry("defaultCredentialId", enrolled.deviceId());
    assertThat(check.get("credentials").toString()).contains("format=totp").doesNotContain("email");

    String code = JdkTotp.codeAt(enrolled.secret(), CLOCK.instant());
    assertThat(
            error(
                "return stepUp.authenticateTotpMfaDevice({ code: args[0],"
                    + " requestedScopes: ['wallet:sign'] })",
                other(code)))
        .containsEntry("code", "invalid_code");
    Map<String, Object> sign =
        okMap(
            "return stepUp.authenticateTotpMfaDevice({ code: args[0], deviceId: args[1],"
                + " requestedScopes: ['wallet:sign'] })",
            code,
            enrolled.deviceId());
    assertThat(sign).containsEntry("singleUse", false);

    // A multi-use token stays held and goes with every signing request.
    String signScript =
        "const r = await stepUp.fetch(args[0], { method: 'POST', scope: 'wallet:sign',"
            + " headers: { 'Content-Type': 'application/json' },"
            + " body: JSON.stringify({ message: 'hello' }) });"
            + " return { status: r.status, body: await r.json() };";
    String signPath = ENV + "/wallets/" + wallet + "/sign";
    assertThat(okMap(signScript, signPath)).containsEntry("status", 200L);
    assertThat(okMap(signScript, signPath)).containsEntry("status", 200L);
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(true);

    String recovery =
        "return stepUp.authenticateMfaRecoveryCode({ code: args[0],"
            + " requestedScopes: ['wallet:export'] })";
    assertThat(okMap(recovery, enrolled.codes().get(0))).containsEntry("singleUse", true);
    Map<String, Object> exported =
        okMap(fetchScript(ENV + "/wallets/" + wallet + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
    // A recovery code works once.
    assertThat(error(recovery, enrolled.codes().get(0))).containsEntry("code", "invalid_code");

    // Past its expiry (the page's clock 11 minutes on) the multi-use token is dropped, not sent.
    browser.executeScript(
        "const real = Date.now; Date.now = () => real.call(Date) + 11 * 60 * 1000;");
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(false);
    assertThat(okMap(signScript, signPath)).containsEntry("status", 401L);
    assertThat(lastSent()).containsEntry("token", null);
  }

  @Test
  void anInjectedWalletSignsTheServersChallenge() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser(Map.of("embeddedWallet", true, "externalWallets", List.of(address)));
    String session = signIn(user, user.credential("email"));

    // No wallet in the browser: said so, before anything is asked of the server.
    load(session);
    assertThat(error("return stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"))
        .containsEntry("code", "no_wallet");

    browser.executeScript(INJECTED_WALLET + "window.account = arguments[0];", address);
    // The user refuses to sign.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"
            + ".catch((e) => ({ code: e.code }))");
    pendingSignature(address);
    browser.executeScript("window.signRequests.shift().reject({ code: 4001 })");
    assertThat(okMap("return window.attempt")).containsEntry("code", "cancelled");

    // A stranger's key signs: the server refuses it.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"
            + ".catch((e) => ({ code: e.code }))");
    String message = pendingSignature(address);
    browser.executeScript(
        "window.signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(Keys.createEcKeyPair(), message));
    assertThat(okMap("return window.attempt").get("code")).isNotNull();
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    // The user's wallet signs: the token is held and the export goes through.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ walletId: arguments[0],"
            + " requestedScopes: ['wallet:export'] })",
        externalWallet(user));
    message = pendingSignature(address);
    assertThat(message).contains(address, "wallet:export");
    browser.executeScript(
        "window.signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(key, message));
    assertThat(okMap("return window.attempt")).containsEntry("singleUse", true);
    Map<String, Object> exported =
        okMap(fetchScript(ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
  }

  @Test
  void aPasskeyInTheBrowsersAuthenticatorStepsUp() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            session,
            Map.of("alias", "Laptop"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    browser.get(url("/hosted/demo/sign-in"));
    VirtualAuthenticator authenticator =
        ((HasVirtualAuthenticator) browser)
            .addVirtualAuthenticator(
                new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true)
                    .setIsUserConsenting(true));
    Object created =
        browser.executeAsyncScript(
            HostedPagesBrowserIT.CREATE, options.json().get("publicKey").toString());
    ApiClient.Answer registered =
        api.post(
            ENV + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + created
                + "}");
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    load(session);

    Map<String, Object> check = okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })");
    assertThat(check).containsEntry("defaultCredentialId", registered.text("credentialId"));
    String passkey = "return stepUp.authenticatePasskeyMFA({ requestedScopes: ['wallet:export'] })";

    // The user does not confirm at the authenticator: cancelled, nothing held.
    authenticator.setUserVerified(false);
    assertThat(error(passkey)).containsEntry("code", "cancelled");
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    authenticator.setUserVerified(true);
    assertThat(okMap(passkey)).containsEntry("singleUse", true);
    Map<String, Object> exported =
        okMap(fetchScript(ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
  }

  @Test
  void aLinkedSocialAccountSignsInAgainInAPopup() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    SocialStepUpIT.register(providers, redirects);
    SocialStepUpIT.linkAccount(this, session, user, subject);
    // The popup lands back on the host's page (allow-listed), where the SDK reads the outcome.
    String landing = url("/hosted/demo/sign-in");
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(
            new EnvironmentId("demo"),
            List.of(landing),
            "test",
            new RequestOrigin("127.0.0.1", "sdk test")));
    load(session);
    String social =
        "return stepUp.verifySocial({ provider: 'mock', requestedScopes: ['wallet:export'],"
            + " redirectUri: args[0] })";

    // Another account at the provider is refused with the server's code.
    SocialStepUpIT.nextLoginIs("someone-else");
    Map<String, Object> refused = error(social, landing);
    assertThat(refused.get("code")).isNotNull().isNotEqualTo("cancelled");
    assertThat(ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    SocialStepUpIT.nextLoginIs(subject);
    assertThat(okMap(social, landing)).containsEntry("singleUse", true);
    assertThat(browser.getWindowHandles()).hasSize(1);
    Map<String, Object> exported =
        okMap(fetchScript(ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
  }

  // ---- helpers ----

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private HttpResponse<String> get(HttpClient http, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a page of the server and makes the SDK client there; answers its call names. */
  private Object load(String sessionToken) {
    browser.get(url("/hosted/demo/sign-in"));
    return run(LOAD, sessionToken).get("ok");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(String script, Object... args) {
    return (Map<String, Object>) browser.executeAsyncScript(run(script), args);
  }

  private Object ok(String script, Object... args) {
    Map<String, Object> answer = run(script, args);
    assertThat(answer).as(script).containsKey("ok");
    return answer.get("ok");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> okMap(String script, Object... args) {
    return (Map<String, Object>) ok(script, args);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> error(String script, Object... args) {
    Map<String, Object> answer = run(script, args);
    assertThat(answer).as(script).containsKey("error");
    return (Map<String, Object>) answer.get("error");
  }

  private static String fetchScript(String path, String scope) {
    return "const r = await stepUp.fetch('"
        + path
        + "', { method: 'POST', scope: '"
        + scope
        + "' }); return { status: r.status, body: await r.json() };";
  }

  private int sentCount() {
    return ((Number) ok("return window.sent.length")).intValue();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> lastSent() {
    return okMap("return window.sent[window.sent.length - 1]");
  }

  private static String embeddedWallet(TestUser user) {
    return wallet(user, "embedded");
  }

  private static String externalWallet(TestUser user) {
    return wallet(user, "external");
  }

  private static String wallet(TestUser user, String type) {
    for (JsonNode c : user.json().get("credentials")) {
      if (c.get("format").asString().equals("blockchain")
          && c.has("type")
          && c.get("type").asString().equals(type)) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no " + type + " wallet in " + user.json());
  }

  /** Waits for the SDK to ask the wallet to sign; answers the message it asked for. */
  private String pendingSignature(String address) {
    wait.until(
        d -> ((Number) browser.executeScript("return window.signRequests.length")).intValue() > 0);
    String hex = (String) browser.executeScript("return window.signRequests[0].params[0]");
    String signer = (String) browser.executeScript("return window.signRequests[0].params[1]");
    assertThat(signer).isEqualToIgnoringCase(address);
    return new String(Numeric.hexStringToByteArray(hex), StandardCharsets.UTF_8);
  }
}
