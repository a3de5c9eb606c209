package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * An end user in headless Chromium signs in to the hosted pages with an emailed code, asks to
 * export their wallet key, steps up by email (a wrong code first), and sees the key once; a link
 * with a foreign return address is refused. Screenshots go to {@code target/screenshots}.
 */
class HostedPagesBrowserIT extends ApiTestServer {

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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void signInThenExportTheWalletKeyAfterSteppingUpByEmail() {
    TestUser user = newUser();

    // Sign in by email code.
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/sign-in?returnTo=");
    screenshot("hosted-sign-in");
    browser.findElement(By.id("email")).sendKeys(user.email());
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    assertThat(browser.findElement(By.id("sent-to")).getText())
        .contains("If an account exists for this address, a code is on its way.");
    assertThat(focusedId()).isEqualTo("code");
    screenshot("hosted-sign-in-code");
    browser.findElement(By.id("code")).sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();

    // The wallet, reached through the return address.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
    String walletId = user.credential("blockchain");
    String address = browser.findElement(By.id("address")).getText();
    assertThat(address).startsWith("0x").hasSize(42);
    Cookie cookie = browser.manage().getCookieNamed("stepup_session");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/hosted/demo");
    screenshot("hosted-wallet");

    // Export needs step-up: the step-up page, email code, a wrong code first.
    browser.findElement(By.id("export")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/step-up?scope=wallet%3Aexport");
    screenshot("hosted-step-up");
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    // Right after a send, asking again waits out the resend interval, with the time left shown.
    assertThat(browser.findElement(By.id("resend-code")).isEnabled()).isFalse();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("resend-wait"), "You can ask for a new code in"));
    String code = mailedCode(user.email());
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    browser.findElement(By.id("code")).sendKeys(wrong);
    browser.findElement(By.id("verify-code")).click();
    WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
    assertThat(error.getText()).isEqualTo("That code is not right. 4 attempts left.");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/step-up?");
    assertThat(focusedId()).isEqualTo("code");
    screenshot("hosted-step-up-wrong-code");

    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(code);
    browser.findElement(By.id("verify-code")).click();

    // Back on the wallet page the export happens and the key is shown once.
    WebElement key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
    assertThat(key.getAttribute("value")).matches("0x[0-9a-f]{64}");
    assertThat(org.web3j.crypto.Credentials.create(key.getAttribute("value")).getAddress())
        .isEqualToIgnoringCase(address);
    assertThat(browser.findElement(By.cssSelector(".warning")).getText())
        .contains("Anyone with this key controls your wallet");
    screenshot("hosted-wallet-private-key");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM token_spends WHERE token_id IN (SELECT id FROM"
                        + " elevated_tokens WHERE session_id IN (SELECT id FROM sessions WHERE"
                        + " user_id = ?))")
                .param(user.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(walletId).startsWith("cred_");

    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export")));
    assertThat(browser.findElements(By.id("private-key"))).isEmpty();

    // Signing out ends the session.
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    assertThat(browser.getPageSource()).contains("You are signed out.");
  }

  @Test
  void anExpiredCodeIsExplainedInPlaceAndANewOneWorks() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    browser.get(url("/hosted/demo/sign-in"));
    browser.manage().addCookie(new Cookie("stepup_session", session, "/hosted/demo"));
    browser.get(url("/hosted/demo/step-up?scope=wallet:export&returnTo=%2Fhosted%2Fdemo%2Fwallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    String first = mailedCode(user.email());

    CLOCK.advance(Duration.ofMinutes(11));
    browser.findElement(By.id("code")).sendKeys(first);
    browser.findElement(By.id("verify-code")).click();
    WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
    assertThat(error.getText()).isEqualTo("This code has expired; ask for a new one.");
    screenshot("hosted-step-up-expired");

    browser.findElement(By.id("resend-code")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("code-error")));
    String second = mailedCode(user.email());
    assertThat(second).isNotNull();
    assertThat(codesMailedTo(user.email())).isEqualTo(2);
    browser.findElement(By.id("code")).sendKeys(second);
    browser.findElement(By.id("verify-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
  }

  @Test
  void anMfaUserExportsAfterConfirmingWithAPasskeyOnThePage() {
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
    VirtualAuthenticator authenticator = BrowserPasskeys.addAuthenticator(browser);
    BrowserPasskeys.register(browser, api, ENV, session, options);

    browser.manage().addCookie(new Cookie("stepup_session", session, "/hosted/demo"));
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export"))).click();
    WebElement usePasskey =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("use-passkey")));
    assertThat(browser.getPageSource()).doesNotContain("Send code");
    assertThat(browser.findElement(By.id("use-recovery")).getText())
        .isEqualTo("Use a recovery code instead");
    screenshot("hosted-step-up-passkey");

    // The user does not confirm at the authenticator: the page says so and the button works again.
    authenticator.setUserVerified(false);
    usePasskey.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("passkey-problem"), "The passkey prompt was cancelled"));
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/step-up?");
    screenshot("hosted-step-up-passkey-cancelled");
    authenticator.setUserVerified(true);
    browser.findElement(By.id("use-passkey")).click();

    WebElement key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
    assertThat(key.getAttribute("value")).matches("0x[0-9a-f]{64}");
  }

  static final String CREATE =
      "const done = arguments[arguments.length - 1];"
          + "const options = PublicKeyCredential.parseCreationOptionsFromJSON("
          + "JSON.parse(arguments[0]));"
          + "navigator.credentials.create({publicKey: options})"
          + ".then(c => done(JSON.stringify(c.toJSON())))"
          + ".catch(e => done('ERROR ' + e.name));";

  @Test
  void aForeignReturnAddressIsRefused() {
    browser.get(
        url("/hosted/demo/step-up?scope=wallet:export&returnTo=https%3A%2F%2Fevil.example%2F"));
    WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem.getText()).contains("does not trust");
    assertThat(browser.getCurrentUrl()).startsWith(url("/hosted/demo/step-up"));
    screenshot("hosted-foreign-return");
  }

  private String focusedId() {
    return (String) browser.executeScript("return document.activeElement.id");
  }

  private void screenshot(String name) {
    Chromium.screenshot(browser, name);
  }
}
