package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.example.hostapp.HostApp;
import dev.stepup.example.hostapp.HostAppConfig;
import dev.stepup.server.api.ApiTestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The example host application ({@code examples/host-app}) in headless Chromium, on its own origin
 * next to the server: its page imports the SDK from the server, its buttons call its own backend
 * through the SDK's fetch wrapper, the backend answers the step-up challenge, the SDK opens the
 * prompt in a popup where the user confirms by email code, and retries. An export needs a new
 * step-up each time (the backend consumes the single-use token); one step-up for {@code
 * wallet:sign} serves two sends (verified offline). A page on an origin the environment does not
 * list is told how to fix it.
 */
class HostAppBrowserIT extends ApiTestServer {

  @Autowired AllowBrowserOriginsUseCase browserOrigins;

  @Value("${stepup.issuer}")
  String issuer;

  private HostApp app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String opener;

  @BeforeEach
  void open() throws IOException {
    app =
        HostApp.start(
            new HostAppConfig("http://localhost:" + port, issuer, "demo", API_KEY, 0, null));
    allowOrigins(List.of(app.origin()));
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void close() {
    allowOrigins(List.of());
    if (browser != null) {
      browser.quit();
    }
    app.close();
  }

  @Test
  void exportNeedsAStepUpEachTimeAndOneStepUpServesTwoSends() {
    String email = signIn();

    click("export");
    confirmByEmailInThePopup(email);
    awaitLog("Export: Key exported for " + email, 1);

    // The export token was single-use: the next export asks again.
    click("export");
    confirmByEmailInThePopup(email);
    awaitLog("Export: Key exported for " + email, 2);

    click("send");
    confirmByEmailInThePopup(email);
    awaitLog("Send: Sent for " + email, 1);
    // The send token is still held and still valid: no popup this time.
    click("send");
    awaitLog("Send: Sent for " + email, 2);
    assertThat(browser.getWindowHandles()).hasSize(1);
    assertThat(browser.findElement(By.id("result")).getAttribute("class")).isEqualTo("ok");
  }

  @Test
  void aPageOnAnOriginTheEnvironmentDoesNotListIsToldHowToFixIt() {
    allowOrigins(List.of("https://app.example.test"));
    signIn();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("origin-warning")));
    assertThat(browser.findElement(By.id("origin-warning")).getText())
        .contains("does not accept calls from this page (" + app.origin() + ")")
        .contains("\"Allowed browser origins\"")
        .contains("http://localhost:" + port + "/admin/environments/demo");

    click("export");
    wait.until(d -> browser.findElement(By.id("result")).getText().startsWith("Export: step-up"));
    assertThat(browser.findElement(By.id("result")).getText()).contains("failed");
    assertThat(logEntries("Key exported")).isZero();
  }

  // ---- helpers ----

  /** Opens the app's page and signs in to the app with a new email; answers the address. */
  private String signIn() {
    String email = "w" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    browser.get(app.origin() + "/");
    opener = browser.getWindowHandle();
    // The button is enabled once the page's script has imported the SDK.
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wallet")));
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo(email);
    return email;
  }

  private void click(String button) {
    browser.findElement(By.id(button)).click();
  }

  /** Waits until the page's log has {@code count} entries starting with {@code prefix}. */
  private void awaitLog(String prefix, int count) {
    try {
      wait.until(d -> logEntries(prefix) == count);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "expected "
              + count
              + " x '"
              + prefix
              + "', the page shows: "
              + browser.findElement(By.id("log")).getText(),
          e);
    }
  }

  private long logEntries(String prefix) {
    return browser.findElements(By.cssSelector("#log li")).stream()
        .filter(li -> li.getText().startsWith(prefix))
        .count();
  }

  private void confirmByEmailInThePopup(String email) {
    wait.until(d -> browser.getWindowHandles().size() == 2);
    String popup =
        browser.getWindowHandles().stream()
            .filter(h -> !h.equals(opener))
            .findFirst()
            .orElseThrow();
    browser.switchTo().window(popup);
    try {
      wait.until(ExpectedConditions.elementToBeClickable(By.id("send-code")));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the popup shows " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
    }
    // Codes are sent to one session at most every 30 seconds.
    CLOCK.advance(Duration.ofSeconds(31));
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")))
        .sendKeys(mailedCode(email));
    browser.findElement(By.id("verify-code")).click();
    // The result page posts the outcome to the opener and closes itself.
    browser.switchTo().window(opener);
    wait.until(d -> browser.getWindowHandles().size() == 1);
  }

  private void allowOrigins(List<String> origins) {
    browserOrigins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            new EnvironmentId("demo"), origins, "test", new RequestOrigin("127.0.0.1", "sdk")));
  }
}
