package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.server.api.ApiTestServer;
import java.time.Duration;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * An end user in headless Chromium adds two-step verification on the hosted account page: an
 * authenticator app from the QR page (the code computed from the secret shown there) or a passkey
 * created by Chromium's virtual authenticator, each after stepping up by email; the recovery codes
 * are shown, and the next wallet export steps up with the new method. Screenshots go to {@code
 * target/screenshots/hosted-account-*.png}.
 */
class HostedAccountBrowserIT extends ApiTestServer {

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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
  void enrolAnAuthenticatorAppFromTheQrPageThenExportWithIt() {
    TestUser user = newUser();

    // Signed out: the account page sends the user to sign in and back.
    browser.get(url("/hosted/demo/account"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    assertThat(browser.getCurrentUrl())
        .isEqualTo(url("/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Faccount"));
    browser.findElement(By.id("email")).sendKeys(user.email());
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    browser.findElement(By.id("code")).sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-totp")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/account"));
    assertThat(browser.findElements(By.cssSelector("#credentials tr[data-format=email]")))
        .hasSize(1);
    screenshot("hosted-account");

    // Setting up an app is behind step-up: an emailed code first.
    browser.findElement(By.id("totp-alias")).sendKeys("Phone");
    browser.findElement(By.id("enrol-totp")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/step-up?scope=credential%3Alink");
    assertThat(browser.getPageSource()).contains("add a way to sign in or verify");
    browser.findElement(By.id("send-code")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    browser.findElement(By.id("code")).sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();

    // Back on the account page: the QR code and the secret as text.
    WebElement secret =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-secret")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/account"));
    assertThat(secret.getText()).matches("[A-Z2-7]{16,}");
    Long qrWidth =
        (Long) browser.executeScript("return document.getElementById('totp-qr').naturalWidth");
    assertThat(qrWidth).isPositive();
    assertThat(focusedId()).isEqualTo("totp-code");
    screenshot("hosted-account-totp-qr");

    byte[] key = Base32.decode(pad(secret.getText()));
    browser.findElement(By.id("totp-code")).sendKeys(JdkTotp.codeAt(key, CLOCK.instant()));
    browser.findElement(By.id("confirm-totp")).click();

    // First MFA: ten recovery codes, shown once with a clear warning.
    WebElement codes =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
    assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
    assertThat(browser.findElement(By.cssSelector("#recovery-codes-section .warning")).getText())
        .contains("Save these codes now.");
    assertThat(browser.findElements(By.cssSelector("#credentials tr[data-format=totp]")))
        .hasSize(1);
    screenshot("hosted-account-recovery-codes");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-totp")));
    assertThat(browser.findElements(By.id("recovery-codes"))).isEmpty();

    // The next export asks for the app, not the mailbox (a later 30 s step: no replay).
    CLOCK.advance(Duration.ofSeconds(30));
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    assertThat(browser.getPageSource())
        .contains("6-digit code from your authenticator app")
        .doesNotContain("Send code");
    screenshot("hosted-account-totp-step-up");
    browser.findElement(By.id("code")).sendKeys(JdkTotp.codeAt(key, CLOCK.instant()));
    browser.findElement(By.id("verify-code")).click();
    WebElement privateKey =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(privateKey.getAttribute("value")).matches("0x[0-9a-f]{64}");
    screenshot("hosted-account-totp-export");
  }

  @Test
  void registerAPasskeyFromTheAccountPageThenExportWithIt() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
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
    browser.manage().addCookie(new Cookie("stepup_session", session, "/hosted/demo"));

    browser.get(url("/hosted/demo/account"));
    browser.findElement(By.id("passkey-alias")).sendKeys("Laptop");
    browser.findElement(By.id("add-passkey")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    browser.findElement(By.id("code")).sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();

    WebElement create =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-passkey")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/account"));
    screenshot("hosted-account-passkey");

    // The user says no to the authenticator: nothing is created, and the page says so.
    authenticator.setUserVerified(false);
    create.click();
    WebElement problem = browser.findElement(By.id("passkey-problem"));
    wait.until(ExpectedConditions.textToBePresentInElement(problem, "No passkey was created"));
    assertThat(problem.getAttribute("role")).isEqualTo("alert");
    assertThat(focusedId()).isEqualTo("create-passkey");
    screenshot("hosted-account-passkey-cancelled");

    authenticator.setUserVerified(true);
    browser.findElement(By.id("create-passkey")).click();
    WebElement codes =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
    assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
    assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Your passkey is added.");
    WebElement row = browser.findElement(By.cssSelector("#credentials tr[data-format=passkey]"));
    assertThat(row.getText()).contains("Laptop");
    screenshot("hosted-account-passkey-recovery-codes");

    // The next export is confirmed with the new passkey.
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("use-passkey"))).click();
    WebElement privateKey =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
    assertThat(privateKey.getAttribute("value")).matches("0x[0-9a-f]{64}");
    screenshot("hosted-account-passkey-export");
  }

  private String focusedId() {
    return (String) browser.executeScript("return document.activeElement.id");
  }

  private void screenshot(String name) {
    Chromium.screenshot(browser, name);
  }
}
