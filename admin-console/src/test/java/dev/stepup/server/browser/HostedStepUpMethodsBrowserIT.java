package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import dev.stepup.server.api.SocialStepUpIT;
import dev.stepup.server.api.WalletStepUpIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The other ways to confirm on the hosted step-up page, in headless Chromium: an external wallet
 * signs through an injected EIP-1193 provider whose key the test holds (refusing first, then a
 * stranger's key, then the right one); a linked social account signs in again at a real OpenID
 * Connect provider running in-process; an MFA user without the app uses a recovery code.
 */
class HostedStepUpMethodsBrowserIT extends ApiTestServer {

  /** A wallet in the page whose signatures the test makes, as a browser extension would. */
  private static final String INJECTED_WALLET =
      """
      window.__signRequests = [];
      window.ethereum = {
        request: ({ method, params }) => {
          if (method === 'eth_requestAccounts') { return Promise.resolve([window.__account]); }
          if (method === 'personal_sign') {
            return new Promise((resolve, reject) =>
                window.__signRequests.push({ params, resolve, reject }));
          }
          return Promise.reject(new Error('unsupported ' + method));
        }
      };
      """;

  @Autowired ManageSocialProvidersUseCase providers;
  @Autowired AllowRedirectsUseCase environments;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() {
    SocialStepUpIT.register(providers, environments);
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

  private void signInAs(String sessionToken) {
    browser.get(url("/hosted/demo/sign-in"));
    browser.manage().addCookie(new Cookie("stepup_session", sessionToken, "/hosted/demo"));
  }

  @Test
  void anExternalWalletSignsTheChallengeAndTheKeyIsExported() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser(Map.of("embeddedWallet", true, "externalWallets", List.of(address)));
    signInAs(signIn(user, user.credential("email")));

    // Without a wallet in the browser the page says so, and offers the other ways.
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("export"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    WebElement walletWay =
        browser.findElement(
            By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'wallet')]"));
    walletWay.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-wallet"))).click();
    assertThat(browser.findElement(By.id("wallet-problem")).getText())
        .contains("No wallet was found in this browser");

    // With the injected wallet: the user refuses first, then a stranger's key signs, then theirs.
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", INJECTED_WALLET));
    browser.navigate().refresh();
    browser.executeScript("window.__account = arguments[0]", address);
    assertThat(browser.findElement(By.id("wallet-message")).getAttribute("textContent"))
        .contains(address, "wallet:export");
    Chromium.screenshot(browser, "hosted-step-up-wallet");

    browser.findElement(By.id("use-wallet")).click();
    pendingSignature();
    browser.executeScript("window.__signRequests.shift().reject({ code: 4001 })");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("wallet-problem"), "You did not sign the message"));

    browser.findElement(By.id("use-wallet")).click();
    String message = pendingSignature();
    browser.executeScript(
        "window.__signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(Keys.createEcKeyPair(), message));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("wallet-problem"), "The signature is not from"));
    assertThat(browser.getCurrentUrl()).contains("/hosted/demo/step-up/wallet/verify");
    Chromium.screenshot(browser, "hosted-step-up-wallet-refused");

    browser.executeScript("window.__account = arguments[0]", address);
    browser.findElement(By.id("use-wallet")).click();
    message = pendingSignature();
    browser.executeScript(
        "window.__signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(key, message));

    WebElement exported =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/hosted/demo/wallet"));
    assertThat(exported.getAttribute("value")).matches("0x[0-9a-f]{64}");
  }

  @Test
  void aLinkedSocialAccountSignsInAgainAtTheProvider() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String subject = "sub-" + UUID.randomUUID();
    SocialStepUpIT.linkAccount(this, session, user, subject);
    signInAs(session);

    browser.get(url("/hosted/demo/step-up?scope=wallet:sign&returnTo=%2Fhosted%2Fdemo%2Fwallet"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    browser
        .findElement(By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'mock')]"))
        .click();
    WebElement go = wait.until(ExpectedConditions.elementToBeClickable(By.id("use-social")));
    assertThat(go.getText()).isEqualTo("Continue with mock");
    Chromium.screenshot(browser, "hosted-step-up-social");

    // Another account at the provider is refused and explained.
    SocialStepUpIT.nextLoginIs("someone-else");
    go.click();
    WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem.getText()).contains("not the one linked to this user");

    // The linked account is accepted: back to the wallet, holding a wallet:sign token.
    browser.get(url("/hosted/demo/step-up?scope=wallet:sign&returnTo=%2Fhosted%2Fdemo%2Fwallet"));
    browser
        .findElement(By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'mock')]"))
        .click();
    SocialStepUpIT.nextLoginIs(subject);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-social"))).click();
    wait.until(ExpectedConditions.urlToBe(url("/hosted/demo/wallet")));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM elevated_tokens WHERE method = 'social'"
                        + " AND session_id IN (SELECT id FROM sessions WHERE user_id = ?)")
                .param(user.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anMfaUserWithoutTheAppStepsUpWithARecoveryCode() {
    Enrolled enrolled = enrolTotp();
    signInAs(enrolled.session());

    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("export"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-recovery"))).click();
    WebElement code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    assertThat(browser.findElement(By.cssSelector("label[for=code]")).getText())
        .isEqualTo("Recovery code");
    Chromium.screenshot(browser, "hosted-step-up-recovery-code");

    code.sendKeys("not-a-recovery-code");
    browser.findElement(By.id("verify-code")).click();
    WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
    assertThat(error.getAttribute("role")).isEqualTo("alert");

    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(enrolled.codes().get(0));
    browser.findElement(By.id("verify-code")).click();
    WebElement exported =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(exported.getAttribute("value")).matches("0x[0-9a-f]{64}");
  }

  @Test
  void aWalletAndASocialAccountAreLinkedFromTheAccountPageAfterStepUp() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser();
    signInAs(signIn(user, user.credential("email")));
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", INJECTED_WALLET));

    // The wallet signs the link message, then the user confirms it's them by email.
    browser.get(url("/hosted/demo/account"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wallet-address")))
        .sendKeys(address);
    browser.findElement(By.id("link-wallet")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-wallet"))).click();
    String message = pendingSignature();
    assertThat(message).contains("Link this wallet", address);
    browser.executeScript(
        "window.__signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(key, message));
    stepUpByEmailOnThePage(user);
    WebElement done = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertThat(done.getText()).startsWith("Wallet ").endsWith(" was added.");
    Chromium.screenshot(browser, "hosted-account-wallet-linked");

    // The social account: a login at the provider proves it, then another step-up links it.
    String subject = "sub-" + UUID.randomUUID();
    SocialStepUpIT.nextLoginIs(subject);
    CLOCK.advance(Duration.ofSeconds(31));
    browser.findElement(By.id("link-social-mock")).click();
    stepUpByEmailOnThePage(user);
    done = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertThat(done.getText()).startsWith("Your mock account").endsWith(" was added.");

    ApiClient.Answer me = api.get(ENV + "/users/" + user.id(), API_KEY);
    assertThat(me.json().get("credentials").toString())
        .contains(address.toLowerCase(), "mock:" + subject);
  }

  @Test
  void anMfaUserWhoseDefaultIsAPasskeyCanSwitchToTheirAuthenticatorApp() {
    Enrolled enrolled = enrolTotp();
    String link =
        api.post(
                ENV + "/step-up/totp/verify",
                enrolled.session(),
                Map.of(
                    "code",
                    JdkTotp.codeAt(enrolled.secret(), CLOCK.instant()),
                    "requestedScopes",
                    List.of("credential:link")))
            .text("elevatedAccessToken");
    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            enrolled.session(),
            Map.of("alias", "Laptop"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    signInAs(enrolled.session());
    BrowserPasskeys.addAuthenticator(browser);
    BrowserPasskeys.register(browser, api, ENV, enrolled.session(), options);

    // The newest device is offered first; the app is one link away.
    browser.get(url("/hosted/demo/wallet"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("export"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("use-passkey")));
    assertThat(browser.findElements(By.id("code"))).isEmpty();
    browser
        .findElement(
            By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'authenticator app')]"))
        .click();
    WebElement code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    assertThat(browser.findElement(By.cssSelector("label[for=code]")).getText())
        .isEqualTo("6-digit code from your authenticator app");
    CLOCK.advance(Duration.ofSeconds(30));
    code.sendKeys(JdkTotp.codeAt(enrolled.secret(), CLOCK.instant()));
    browser.findElement(By.id("verify-code")).click();
    WebElement exported =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("private-key")));
    assertThat(exported.getAttribute("value")).matches("0x[0-9a-f]{64}");
  }

  /** On the step-up page the page leads to: send the code, enter it. */
  private void stepUpByEmailOnThePage(TestUser user) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send-code"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")))
        .sendKeys(mailedCode(user.email()));
    browser.findElement(By.id("verify-code")).click();
  }

  /** Waits for the page to ask the wallet to sign; answers the message it asked for. */
  private String pendingSignature() {
    wait.until(
        d ->
            ((Number) browser.executeScript("return window.__signRequests.length")).intValue() > 0);
    String hex = (String) browser.executeScript("return window.__signRequests[0].params[0]");
    String signer = (String) browser.executeScript("return window.__signRequests[0].params[1]");
    assertThat(signer).isNotBlank();
    return new String(Numeric.hexStringToByteArray(hex), StandardCharsets.UTF_8);
  }
}
