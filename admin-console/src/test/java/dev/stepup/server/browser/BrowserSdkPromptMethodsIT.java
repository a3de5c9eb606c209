package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.WalletStepUpIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The SDK's prompt from a host page on another origin, completed in the popup with the other ways
 * to confirm: the authenticator app (also when the host asks for MFA only; re-auth only is refused
 * to an MFA user), a passkey in Chromium's virtual authenticator, and an injected EIP-1193 wallet
 * in the popup. The host receives the token and its protected call goes through.
 */
class BrowserSdkPromptMethodsIT extends HostPageBrowserTest {

  private static final String PROMPT =
      "window.prompted = stepUp.promptStepUpAuth({ scopes: ['wallet:export'], mode: arguments[0] })"
          + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))";

  @Test
  void anMfaOnlyPromptCompletesWithTheAuthenticatorAppInThePopup() {
    Enrolled enrolled = enrolTotp();
    host.load(enrolled.session());

    browser.executeScript(PROMPT, "mfa");
    host.switchToPopup();
    awaitInPopup("code");
    assertThat(browser.findElement(By.cssSelector("label[for=code]")).getText())
        .isEqualTo("6-digit code from your authenticator app");
    browser.findElement(By.id("code")).sendKeys(JdkTotp.codeAt(enrolled.secret(), CLOCK.instant()));
    browser.findElement(By.id("verify-code")).click();
    host.popupClosed();

    assertReceivedAndUsed(embeddedWallet(enrolled.user()));
  }

  @Test
  void aReauthOnlyPromptFailsForAnMfaUser() {
    Enrolled enrolled = enrolTotp();
    host.load(enrolled.session());

    browser.executeScript(PROMPT, "reauth");
    // Re-authentication cannot bypass the user's MFA: the popup fails and closes by itself.
    host.popupClosed();
    assertThat(host.result("return window.prompted"))
        .containsEntry("code", "failed")
        .containsEntry("reason", "reauth_not_allowed")
        .doesNotContainKey("token");
    assertThat(host.result("return { held: stepUp.hasElevatedAccessToken('wallet:export') }"))
        .containsEntry("held", false);
  }

  @Test
  void aPasskeyInTheBrowsersAuthenticatorCompletesThePrompt() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    registerPasskey(user, session);
    host.load(session);

    browser.executeScript(PROMPT, "any");
    host.switchToPopup();
    // An authenticator belongs to a tab: the popup's holds the passkey registered before.
    VirtualAuthenticator popupAuthenticator = authenticator();
    credentials.forEach(popupAuthenticator::addCredential);
    awaitInPopup("use-passkey");
    browser.findElement(By.id("use-passkey")).click();
    host.popupClosed();

    assertReceivedAndUsed(embeddedWallet(user));
  }

  @Test
  void anInjectedWalletInThePopupSignsTheServersChallenge() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser(Map.of("embeddedWallet", true, "externalWallets", List.of(address)));
    host.load(signIn(user, user.credential("email")));

    browser.executeScript(PROMPT, "any");
    host.switchToPopup();
    // The wallet extension is present in every page the popup loads from here on.
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", SdkPage.INJECTED_WALLET + "window.account = '" + address + "';"));
    awaitInPopup("send-code");
    browser
        .findElement(By.xpath("//nav[@aria-labelledby='other-ways']//a[contains(., 'wallet')]"))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("use-wallet"))).click();
    String message = new SdkPage(browser, wait, port).pendingSignature(address);
    assertThat(message).contains(address, "wallet:export");
    browser.executeScript(
        "window.signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(key, message));
    host.popupClosed();

    assertReceivedAndUsed(embeddedWallet(user));
  }

  // ---- helpers ----

  private List<Credential> credentials = List.of();

  /** The host got a token for wallet:export, holds it, and the export goes through with it. */
  private void assertReceivedAndUsed(String wallet) {
    assertThat(host.result("return window.prompted").get("token")).asString().isNotBlank();
    assertThat(host.result("return { held: stepUp.hasElevatedAccessToken('wallet:export') }"))
        .containsEntry("held", true);
    Map<String, Object> exported =
        host.fetch(ENV + "/wallets/" + wallet + "/export", "wallet:export");
    assertThat(exported).containsEntry("status", 200L);
    assertThat(((Map<?, ?>) exported.get("body")).get("privateKey").toString())
        .matches("0x[0-9a-f]{64}");
  }

  private void awaitInPopup(String id) {
    try {
      wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the popup shows " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
    }
  }

  /** Registers a passkey made in a page of the step-up server; keeps its keys for the popup. */
  private void registerPasskey(TestUser user, String session) {
    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            session,
            Map.of("alias", "Laptop"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    browser.get(host.url("/hosted/demo/sign-in"));
    VirtualAuthenticator authenticator = authenticator();
    BrowserPasskeys.register(browser, api, ENV, session, options);
    credentials = authenticator.getCredentials();
    assertThat(credentials).hasSize(1);
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
  }

  private VirtualAuthenticator authenticator() {
    return BrowserPasskeys.addAuthenticator(browser);
  }

  private static String embeddedWallet(TestUser user) {
    return SdkPage.wallet(user.json(), "embedded");
  }
}
