package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import dev.stepup.server.api.SocialStepUpIT;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A host application on another origin prompts its user to step up, in headless Chromium: as a
 * popup that answers the opener by {@code postMessage} (the token, or {@code cancelled}), and as a
 * full-page redirect that comes back with a result code the host backend exchanges for the token.
 * The host's pages are served by a second local HTTP server, so they are another origin.
 */
class PromptBrowserIT extends ApiTestServer {

  /** The host's page: it records every message it receives, with the sender's origin. */
  private static final String OPENER_PAGE =
      """
      <!doctype html><html><head><title>Host app</title></head><body>
      <h1 id="host">Host app</h1>
      <script>
        window.__messages = [];
        window.addEventListener('message', function (e) {
          window.__messages.push({ origin: e.origin, data: e.data });
        });
      </script>
      </body></html>
      """;

  private static final EnvironmentId DEMO = new EnvironmentId("demo");
  private static final RequestOrigin ADMIN = new RequestOrigin("127.0.0.1", "prompt browser it");

  @Autowired AllowBrowserOriginsUseCase origins;
  @Autowired AllowRedirectsUseCase redirects;
  @Autowired ManageSocialProvidersUseCase providers;

  private HttpServer host;
  private HttpServer stranger;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() throws IOException {
    host = hostServer();
    stranger = hostServer();
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            DEMO, List.of(origin(host), origin(stranger)), "test", ADMIN));
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(DEMO, List.of(origin(host) + "/back"), "test", ADMIN));
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    host.stop(0);
    stranger.stop(0);
  }

  private static HttpServer hostServer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] page = OPENER_PAGE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
    return server;
  }

  private static String origin(HttpServer server) {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private record Signed(TestUser user, String sessionId) {}

  private Signed signedIn() {
    TestUser user = newUser(Map.of());
    ApiClient.Answer session =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", user.credential("email")));
    assertThat(session.status()).as(session.raw().body()).isEqualTo(201);
    return new Signed(user, session.text("sessionId"));
  }

  private String promptUrl(Signed who, String target, String value) {
    ApiClient.Answer created =
        api.post(
            ENV + "/prompts",
            API_KEY,
            Map.of(
                "userId",
                who.user().id(),
                "sessionId",
                who.sessionId(),
                "scopes",
                List.of("wallet:export"),
                target,
                value));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.text("url");
  }

  /** The host page opens the prompt in a popup; the driver moves into it. */
  private String openPopup(String url) {
    String opener = browser.getWindowHandle();
    browser.executeScript(
        "window.__popup = window.open(arguments[0], 'stepup', 'width=480,height=640')", url);
    wait.until(d -> d.getWindowHandles().size() == 2);
    String popup =
        browser.getWindowHandles().stream()
            .filter(h -> !h.equals(opener))
            .findFirst()
            .orElseThrow();
    browser.switchTo().window(popup);
    return opener;
  }

  /** On the step-up page: send the code, type the one mailed, confirm. */
  private void confirmWithEmailedCode(Signed who) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send-code"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    browser.findElement(By.id("code")).sendKeys(mailedCode(who.user().email()));
    browser.findElement(By.id("verify-code")).click();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> messages() {
    return (List<Map<String, Object>>) browser.executeScript("return window.__messages");
  }

  /** Back in the opener once the popup closed itself; the messages it received. */
  private List<Map<String, Object>> afterPopupCloses(String opener) {
    wait.until(d -> d.getWindowHandles().size() == 1);
    browser.switchTo().window(opener);
    wait.until(d -> !messages().isEmpty());
    return messages();
  }

  private boolean active(String token) {
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "wallet:export"));
    return introspected.json().get("active").asBoolean();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPopupHandsTheTokenToItsOpenerOnly() {
    Signed ann = signedIn();
    browser.get(origin(host) + "/app");
    String opener = openPopup(promptUrl(ann, "origin", origin(host)));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    assertThat(browser.getCurrentUrl()).doesNotContain("ticket").doesNotContain("plt_");
    Chromium.screenshot(browser, "prompt-popup");

    confirmWithEmailedCode(ann);

    List<Map<String, Object>> received = afterPopupCloses(opener);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).get("origin")).isEqualTo("http://localhost:" + port);
    Map<String, Object> data = (Map<String, Object>) received.get(0).get("data");
    assertThat(data).containsEntry("type", "stepup:result").containsEntry("status", "success");
    List<Map<String, Object>> tokens = (List<Map<String, Object>>) data.get("tokens");
    assertThat(tokens).hasSize(1);
    assertThat((List<String>) tokens.get(0).get("scopes")).containsExactly("wallet:export");
    assertThat(active((String) tokens.get(0).get("elevatedAccessToken"))).isTrue();
  }

  @Test
  void cancellingThePopupTellsTheOpenerCancelled() {
    Signed ann = signedIn();
    browser.get(origin(host) + "/app");
    String opener = openPopup(promptUrl(ann, "origin", origin(host)));

    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();

    List<Map<String, Object>> received = afterPopupCloses(opener);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).get("data"))
        .isEqualTo(Map.of("type", "stepup:result", "status", "cancelled"));
  }

  @Test
  void aPageOnAnotherOriginThatOpensThePopupGetsNothing() {
    Signed ann = signedIn();
    // The prompt is the host's; a page of another (even allowed) origin opens its URL.
    browser.get(origin(stranger) + "/app");
    String opener = openPopup(promptUrl(ann, "origin", origin(host)));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();

    wait.until(d -> d.getWindowHandles().size() == 1);
    browser.switchTo().window(opener);
    // The popup posted to the host's origin only: the browser drops it for this page.
    browser.executeScript("return new Promise(r => setTimeout(r, 500))");
    assertThat(messages()).isEmpty();
  }

  @Test
  void aLinkedSocialAccountStepsUpInAPromptWithoutAHostedSignIn() {
    SocialStepUpIT.register(providers, redirects);
    // Linking the account (through the API) returns to the social tests' page.
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(
            DEMO,
            List.of(origin(host) + "/back", "https://app.example.test/step-up/done"),
            "test",
            ADMIN));
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    SocialStepUpIT.linkAccount(this, session, user, subject);
    ApiClient.Answer created =
        api.post(
            ENV + "/step-up/prompts",
            session,
            Map.of("scopes", List.of("wallet:export"), "returnTo", origin(host) + "/back"));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);

    browser.get(created.text("url"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    browser
        .findElement(By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'mock')]"))
        .click();
    SocialStepUpIT.nextLoginIs(subject);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-social"))).click();

    wait.until(ExpectedConditions.urlContains("status="));
    assertThat(browser.getCurrentUrl())
        .startsWith(origin(host) + "/back?code=prc_")
        .endsWith("&status=success");
  }

  @Test
  void aRedirectComesBackWithACodeTheHostBackendExchangesForTheToken() {
    Signed ann = signedIn();
    String back = origin(host) + "/back";
    browser.get(promptUrl(ann, "returnTo", back));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    assertThat(browser.getCurrentUrl())
        .startsWith("http://localhost:" + port + "/hosted/demo/step-up?")
        .doesNotContain("plt_");

    confirmWithEmailedCode(ann);

    wait.until(ExpectedConditions.urlContains("status="));
    URI landed = URI.create(browser.getCurrentUrl());
    assertThat(landed.toString()).startsWith(back + "?code=prc_").endsWith("&status=success");
    String code = landed.getQuery().replaceAll(".*code=([^&]+).*", "$1");
    ApiClient.Answer result = api.post(ENV + "/prompts/exchange", API_KEY, Map.of("code", code));
    assertThat(result.status()).as(result.raw().body()).isEqualTo(200);
    String token = result.json().get("tokens").get(0).get("elevatedAccessToken").asString();
    assertThat(active(token)).isTrue();
    assertThat(api.post(ENV + "/prompts/exchange", API_KEY, Map.of("code", code)).status())
        .isEqualTo(400);
  }
}
