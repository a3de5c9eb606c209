package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.api.ApiTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SDK from a host page on another origin (a second local HTTP server), in headless Chromium:
 * the page imports {@code /sdk/v1/stepup.js} across origins and calls the API with CORS; {@code
 * promptStepUpAuth} opens the hosted prompt in a popup, the user confirms by email code there, and
 * the page receives the token by {@code postMessage}; cancelling or closing the popup rejects with
 * {@code cancelled}; a page on an origin the environment does not list gets nothing (check answers
 * "required", the prompt {@code failed}). The fetch wrapper's default step-up is this prompt. Needs
 * the branches {@code prompt} and {@code cors}.
 */
class BrowserSdkPromptIT extends ApiTestServer {

  private static final String LOAD =
      """
      const m = await import(args[1] + '/sdk/v1/stepup.js');
      window.stepUp = m.createStepUp({ environment: 'demo', sessionToken: args[0] });
      return { loaded: true };
      """;

  /** The host application's page: nothing but a title; the SDK is imported into it. */
  private static final byte[] HOST_PAGE =
      "<!doctype html><html><head><title>Host app</title></head><body><h1>Host app</h1></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  @Autowired AllowBrowserOriginsUseCase browserOrigins;

  private HttpServer host;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String opener;

  @BeforeEach
  void open() throws IOException {
    host = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    host.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, HOST_PAGE.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(HOST_PAGE);
          }
        });
    host.start();
    allowOrigins(List.of(hostOrigin()));
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterEach
  void close() {
    allowOrigins(List.of());
    if (browser != null) {
      browser.quit();
    }
    host.stop(0);
  }

  private String hostOrigin() {
    return "http://localhost:" + host.getAddress().getPort();
  }

  @Test
  void theUserConfirmsInThePopupAndThePageReceivesTheToken() {
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    browser.executeScript(
        "window.prompted = stepUp.promptStepUpAuth({ scopes: ['wallet:export'] })"
            + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))");
    confirmByEmailInThePopup(user);
    Map<String, Object> prompted = result("return window.prompted");
    assertThat(prompted.get("token")).asString().isNotBlank();
    assertThat(result("return { held: stepUp.hasElevatedAccessToken('wallet:export') }"))
        .containsEntry("held", true);
    assertThat(result(fetchScript(export))).containsEntry("status", 200L);
  }

  @Test
  void theFetchWrapperPromptsAfterTheChallengeAndRetries() {
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    String export = ENV + "/wallets/" + embeddedWallet(user) + "/export";

    browser.executeScript(
        "window.exported = stepUp.fetch(arguments[0], { method: 'POST', scope: 'wallet:export' })"
            + ".then(async (r) => ({ status: r.status, body: await r.json() }),"
            + " (e) => ({ code: e.code, reason: e.reason }))",
        url(export));
    confirmByEmailInThePopup(user);
    Map<String, Object> exported = result("return window.exported");
    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
  }

  @Test
  void cancellingOrClosingThePopupRejectsWithCancelled() {
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    String prompt =
        "window.prompted = stepUp.promptStepUpAuth({ scopes: ['wallet:export'] })"
            + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))";

    browser.executeScript(prompt);
    switchToPopup();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
    backToOpener();
    assertThat(result("return window.prompted")).containsEntry("code", "cancelled");

    browser.executeScript(prompt);
    switchToPopup();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    browser.close();
    backToOpener();
    assertThat(result("return window.prompted"))
        .containsEntry("code", "cancelled")
        .containsEntry("reason", "closed");
    assertThat(result("return { held: stepUp.hasElevatedAccessToken('wallet:export') }"))
        .containsEntry("held", false);
  }

  @Test
  void aPageOnAnOriginTheEnvironmentDoesNotListGetsNothing() {
    allowOrigins(List.of("https://app.example.test"));
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    // The browser refuses the cross-origin answers: check fails closed, the prompt fails.
    assertThat(result("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })"))
        .containsEntry("isRequired", true);
    Map<String, Object> refused =
        result(
            "return stepUp.promptStepUpAuth({ scopes: ['wallet:export'] })"
                + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))");
    assertThat(refused).containsEntry("code", "failed").doesNotContainKey("token");
    // The popup it opened is closed again.
    wait.until(d -> browser.getWindowHandles().size() == 1);
  }

  @Test
  void theSameOriginIsRefusedAPopupOutcomeItDoesNotList() {
    // The step-up server's own origin is not in the list: the prompt is refused before it opens.
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    browser.get(url("/hosted/demo/sign-in"));
    opener = browser.getWindowHandle();
    result(LOAD, session, url(""));
    Map<String, Object> refused =
        result(
            "return stepUp.promptStepUpAuth({ scopes: ['wallet:export'] })"
                + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))");
    assertThat(refused)
        .containsEntry("code", "failed")
        .containsEntry("reason", "origin_not_allowed");
    wait.until(d -> browser.getWindowHandles().size() == 1);
  }

  // ---- helpers ----

  private void confirmByEmailInThePopup(TestUser user) {
    switchToPopup();
    try {
      wait.until(ExpectedConditions.elementToBeClickable(By.id("send-code")));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the popup shows " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
    }
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")))
        .sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();
    // The result page posts the outcome to the opener and closes itself.
    backToOpener();
    wait.until(d -> browser.getWindowHandles().size() == 1);
  }

  private void switchToPopup() {
    wait.until(d -> browser.getWindowHandles().size() == 2);
    String popup =
        browser.getWindowHandles().stream()
            .filter(h -> !h.equals(opener))
            .findFirst()
            .orElseThrow();
    browser.switchTo().window(popup);
  }

  private void backToOpener() {
    browser.switchTo().window(opener);
  }

  private void allowOrigins(List<String> origins) {
    browserOrigins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            new EnvironmentId("demo"), origins, "test", new RequestOrigin("127.0.0.1", "sdk")));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Opens the host's page (another origin) and imports the SDK from the step-up server. */
  private void load(String sessionToken) {
    browser.get(hostOrigin() + "/app");
    opener = browser.getWindowHandle();
    assertThat(result(LOAD, sessionToken, url(""))).containsEntry("loaded", true);
  }

  /** Runs an async function body in the opener and answers its (object) value. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> result(String body, Object... args) {
    Object answer =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " const args = Array.from(arguments).slice(0, -1);"
                + " (async () => {\n"
                + body
                + "\n})().then((v) => done(typeof v === 'object' ? v : { value: v }),"
                + " (e) => done({ thrown: String(e && e.message) }));",
            args);
    return (Map<String, Object>) answer;
  }

  private String fetchScript(String path) {
    return "const r = await stepUp.fetch('"
        + url(path)
        + "', { method: 'POST', scope: 'wallet:export' });"
        + " return { status: r.status, body: await r.json() };";
  }

  private static String embeddedWallet(TestUser user) {
    for (var c : user.json().get("credentials")) {
      if (c.get("format").asString().equals("blockchain")
          && c.has("type")
          && c.get("type").asString().equals("embedded")) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no embedded wallet in " + user.json());
  }
}
