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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The browser SDK's other ways to step up, in headless Chromium: the authenticator app (TOTP, a
 * multi-use token kept until it expires) and a recovery code (once), an injected EIP-1193 wallet
 * signing the server's challenge (refused, a stranger's key, then the user's), a passkey in
 * Chromium's virtual authenticator, and a linked social account in a popup.
 */
class BrowserSdkMethodsIT extends ApiTestServer {

  @Autowired ManageSocialProvidersUseCase providers;
  @Autowired AllowRedirectsUseCase redirects;

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
  void anMfaUserStepsUpWithTheAuthenticatorAppAndARecoveryCode() {
    Enrolled enrolled = enrolTotp();
    page.load(enrolled.session());
    String wallet = embeddedWallet(enrolled.user());

    Map<String, Object> check =
        page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:sign' })");
    assertThat(check).containsEntry("isRequired", true);
    assertThat(check).containsEntry("defaultCredentialId", enrolled.deviceId());
    assertThat(check.get("credentials").toString()).contains("format=totp").doesNotContain("email");

    String code = JdkTotp.codeAt(enrolled.secret(), CLOCK.instant());
    assertThat(
            page.error(
                "return stepUp.authenticateTotpMfaDevice({ code: args[0],"
                    + " requestedScopes: ['wallet:sign'] })",
                other(code)))
        .containsEntry("code", "invalid_code");
    Map<String, Object> sign =
        page.okMap(
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
    assertThat(page.okMap(signScript, signPath)).containsEntry("status", 200L);
    assertThat(page.okMap(signScript, signPath)).containsEntry("status", 200L);
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(true);

    String recovery =
        "return stepUp.authenticateMfaRecoveryCode({ code: args[0],"
            + " requestedScopes: ['wallet:export'] })";
    assertThat(page.okMap(recovery, enrolled.codes().get(0))).containsEntry("singleUse", true);
    Map<String, Object> exported =
        page.okMap(SdkPage.fetchScript(ENV + "/wallets/" + wallet + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
    // A recovery code works once.
    assertThat(page.error(recovery, enrolled.codes().get(0))).containsEntry("code", "invalid_code");

    // Past its expiry (the page's clock 11 minutes on) the multi-use token is dropped, not sent.
    browser.executeScript(
        "const real = Date.now; Date.now = () => real.call(Date) + 11 * 60 * 1000;");
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:sign')")).isEqualTo(false);
    assertThat(page.okMap(signScript, signPath)).containsEntry("status", 401L);
    assertThat(page.lastSent()).containsEntry("token", null);
  }

  @Test
  void anInjectedWalletSignsTheServersChallenge() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    String address = Keys.toChecksumAddress("0x" + Keys.getAddress(key));
    TestUser user = newUser(Map.of("embeddedWallet", true, "externalWallets", List.of(address)));
    String session = signIn(user, user.credential("email"));

    // No wallet in the browser: said so, before anything is asked of the server.
    page.load(session);
    assertThat(page.error("return stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"))
        .containsEntry("code", "no_wallet");

    browser.executeScript(SdkPage.INJECTED_WALLET + "window.account = arguments[0];", address);
    // The user refuses to sign.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"
            + ".catch((e) => ({ code: e.code }))");
    page.pendingSignature(address);
    browser.executeScript("window.signRequests.shift().reject({ code: 4001 })");
    assertThat(page.okMap("return window.attempt")).containsEntry("code", "cancelled");

    // A stranger's key signs: the server refuses it.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ requestedScopes: ['wallet:export'] })"
            + ".catch((e) => ({ code: e.code }))");
    String message = page.pendingSignature(address);
    browser.executeScript(
        "window.signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(Keys.createEcKeyPair(), message));
    assertThat(page.okMap("return window.attempt").get("code")).isNotNull();
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    // The user's wallet signs: the token is held and the export goes through.
    browser.executeScript(
        "window.attempt = stepUp.verifyWallet({ walletId: arguments[0],"
            + " requestedScopes: ['wallet:export'] })",
        externalWallet(user));
    message = page.pendingSignature(address);
    assertThat(message).contains(address, "wallet:export");
    browser.executeScript(
        "window.signRequests.shift().resolve(arguments[0])",
        WalletStepUpIT.personalSign(key, message));
    assertThat(page.okMap("return window.attempt")).containsEntry("singleUse", true);
    Map<String, Object> exported =
        page.okMap(
            SdkPage.fetchScript(
                ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
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
    VirtualAuthenticator authenticator = BrowserPasskeys.addAuthenticator(browser);
    ApiClient.Answer registered = BrowserPasskeys.register(browser, api, ENV, session, options);
    page.load(session);

    Map<String, Object> check =
        page.okMap("return stepUp.checkStepUpAuth({ scope: 'wallet:export' })");
    assertThat(check).containsEntry("defaultCredentialId", registered.text("credentialId"));
    String passkey = "return stepUp.authenticatePasskeyMFA({ requestedScopes: ['wallet:export'] })";

    // The user does not confirm at the authenticator: cancelled, nothing held.
    authenticator.setUserVerified(false);
    assertThat(page.error(passkey)).containsEntry("code", "cancelled");
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    authenticator.setUserVerified(true);
    assertThat(page.okMap(passkey)).containsEntry("singleUse", true);
    Map<String, Object> exported =
        page.okMap(
            SdkPage.fetchScript(
                ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
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
    page.load(session);
    String social =
        "return stepUp.verifySocial({ provider: 'mock', requestedScopes: ['wallet:export'],"
            + " redirectUri: args[0] })";

    // Another account at the provider is refused with the server's code.
    SocialStepUpIT.nextLoginIs("someone-else");
    Map<String, Object> refused = page.error(social, landing);
    assertThat(refused.get("code")).isNotNull().isNotEqualTo("cancelled");
    assertThat(page.ok("return stepUp.hasElevatedAccessToken('wallet:export')")).isEqualTo(false);

    SocialStepUpIT.nextLoginIs(subject);
    assertThat(page.okMap(social, landing)).containsEntry("singleUse", true);
    assertThat(browser.getWindowHandles()).hasSize(1);
    Map<String, Object> exported =
        page.okMap(
            SdkPage.fetchScript(
                ENV + "/wallets/" + embeddedWallet(user) + "/export", "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
  }

  // ---- helpers ----

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String embeddedWallet(TestUser user) {
    return SdkPage.wallet(user.json(), "embedded");
  }

  private static String externalWallet(TestUser user) {
    return SdkPage.wallet(user.json(), "external");
  }
}
