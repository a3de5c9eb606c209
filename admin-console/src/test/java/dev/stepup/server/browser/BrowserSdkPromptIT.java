package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The SDK from a host page on another origin (a second local HTTP server), in headless Chromium:
 * the page imports {@code /sdk/v1/stepup.js} across origins and calls the API with CORS; {@code
 * promptStepUpAuth} opens the hosted prompt in a popup, the user confirms by email code there, and
 * the page receives the token by {@code postMessage}; cancelling or closing the popup rejects with
 * {@code cancelled}; a page on an origin the environment does not list gets nothing (check answers
 * "required", the prompt {@code failed}). The fetch wrapper's default step-up is this prompt.
 */
class BrowserSdkPromptIT extends HostPageBrowserTest {

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
    host.switchToPopup();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
    host.backToOpener();
    assertThat(result("return window.prompted")).containsEntry("code", "cancelled");

    browser.executeScript(prompt);
    host.switchToPopup();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
    browser.close();
    host.backToOpener();
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
  void anOutcomePostedAsThePopupClosesIsNotTakenForACancel() {
    // The result page posts, then closes itself; here the message reaches the SDK's listener
    // 400 ms after that (as on a busy machine), when the popup already reads as closed.
    TestUser user = newUser();
    load(signIn(user, user.credential("email")));
    browser.executeScript(
        "const add = window.addEventListener.bind(window);"
            + " window.addEventListener = (type, listener, options) => add(type,"
            + " type === 'message' ? (e) => setTimeout(() => listener(e), 400) : listener,"
            + " options);");
    // MFA only, for a user without MFA: the popup fails at once and closes.
    Map<String, Object> failed =
        result(
            "return stepUp.promptStepUpAuth({ scopes: ['wallet:export'], mode: 'mfa' })"
                + ".then((token) => ({ token }), (e) => ({ code: e.code, reason: e.reason }))");
    assertThat(failed).containsEntry("code", "failed").containsEntry("reason", "mfa_not_enrolled");
    wait.until(d -> browser.getWindowHandles().size() == 1);
  }

  @Test
  void theSameOriginIsRefusedAPopupOutcomeItDoesNotList() {
    // The step-up server's own origin is not in the list: the prompt is refused before it opens.
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    browser.get(url("/hosted/demo/sign-in"));
    host.loadHere(session);
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
    host.switchToPopup();
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
    host.popupClosed();
  }

  private void allowOrigins(List<String> origins) {
    HostApp.allowOrigins(browserOrigins, origins);
  }

  private String url(String path) {
    return host.url(path);
  }

  private void load(String sessionToken) {
    host.load(sessionToken);
  }

  private Map<String, Object> result(String body, Object... args) {
    return host.result(body, args);
  }

  private String fetchScript(String path) {
    return "const r = await stepUp.fetch('"
        + url(path)
        + "', { method: 'POST', scope: 'wallet:export' });"
        + " return { status: r.status, body: await r.json() };";
  }

  private static String embeddedWallet(TestUser user) {
    return SdkPage.wallet(user.json(), "embedded");
  }
}
