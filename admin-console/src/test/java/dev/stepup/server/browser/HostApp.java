package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A host application on another origin than the step-up server (a second local HTTP server whose
 * page is nothing but a title), the SDK imported into it in Chromium, and the popup the SDK's
 * prompt opens: switching to it and back, and async scripts run in the host's page.
 */
final class HostApp implements AutoCloseable {

  private static final String LOAD =
      """
      const m = await import(args[1] + '/sdk/v1/stepup.js');
      window.stepUp = m.createStepUp({ environment: 'demo', sessionToken: args[0] });
      return { loaded: true };
      """;

  private static final byte[] PAGE =
      "<!doctype html><html><head><title>Host app</title></head><body><h1>Host app</h1></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer host;
  private final ChromeDriver browser;
  private final WebDriverWait wait;
  private final int serverPort;
  private String opener;

  HostApp(ChromeDriver browser, WebDriverWait wait, int serverPort) throws IOException {
    this.browser = browser;
    this.wait = wait;
    this.serverPort = serverPort;
    host = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    host.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, PAGE.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(PAGE);
          }
        });
    host.start();
  }

  String origin() {
    return "http://localhost:" + host.getAddress().getPort();
  }

  /** An address on the step-up server. */
  String url(String path) {
    return "http://localhost:" + serverPort + path;
  }

  /** Opens the host's page and imports the SDK from the step-up server. */
  void load(String sessionToken) {
    browser.get(origin() + "/app");
    loadHere(sessionToken);
  }

  /** Imports the SDK into the page the browser shows now, which becomes the opener. */
  void loadHere(String sessionToken) {
    opener = browser.getWindowHandle();
    assertThat(result(LOAD, sessionToken, url(""))).containsEntry("loaded", true);
  }

  void switchToPopup() {
    wait.until(d -> browser.getWindowHandles().size() == 2);
    String popup =
        browser.getWindowHandles().stream()
            .filter(h -> !h.equals(opener))
            .findFirst()
            .orElseThrow();
    browser.switchTo().window(popup);
  }

  void backToOpener() {
    browser.switchTo().window(opener);
  }

  /**
   * Back in the opener once the popup has closed itself (after posting its outcome); if it stays
   * open, says what it shows.
   */
  void popupClosed() {
    try {
      wait.until(d -> browser.getWindowHandles().size() == 1);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the popup stayed open on "
              + browser.getCurrentUrl()
              + ": "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
    backToOpener();
  }

  /** Runs an async function body in the current window and answers its (object) value. */
  @SuppressWarnings("unchecked")
  Map<String, Object> result(String body, Object... args) {
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

  /** Posts to a protected path through the SDK's fetch wrapper with the held token for scope. */
  Map<String, Object> fetch(String path, String scope) {
    return result(
        "const r = await stepUp.fetch(args[0], { method: 'POST', scope: args[1] });"
            + " return { status: r.status, body: await r.json() };",
        url(path),
        scope);
  }

  static void allowOrigins(AllowBrowserOriginsUseCase useCase, List<String> origins) {
    useCase.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            new EnvironmentId("demo"), origins, "test", new RequestOrigin("127.0.0.1", "sdk")));
  }

  @Override
  public void close() {
    host.stop(0);
  }
}
