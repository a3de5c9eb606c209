package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import dev.stepup.server.AdminTotp;
import dev.stepup.server.api.ApiClient;
import dev.stepup.server.api.ApiTestServer;
import dev.stepup.server.api.ReauthStepUpIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin in headless Chromium changes step-up settings and revokes a token; the API follows at
 * once. Screenshots of each page go to {@code target/screenshots}.
 */
class ConsoleBrowserIT extends ApiTestServer {

  @Autowired ConfigureStepUpUseCase configure;
  @Autowired Users users;
  @Autowired Passkeys passkeys;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void signIn() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    browser.get("http://localhost:" + port + "/admin");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys("correct horse battery staple");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    secondFactor();
    wait.until(ExpectedConditions.titleContains("Environments"));
    screenshot("console-environments");
  }

  /** The admin's authenticator app, enrolled by the first test that signs in. */
  private static byte[] appSecret;

  private static Instant lastCode = Instant.EPOCH;

  /**
   * The second step: enrol the app the first time (reading the key off the page, as a person types
   * it into their app), afterwards type a code of a step not used before.
   */
  private void secondFactor() {
    wait.until(
        ExpectedConditions.or(
            ExpectedConditions.titleContains("Set up your authenticator app"),
            ExpectedConditions.titleContains("Second factor")));
    if (browser.getTitle().contains("Set up")) {
      screenshot("console-enrol-authenticator");
      appSecret = AdminTotp.secret(browser.findElement(By.id("totp-key")).getText());
    }
    // A code works once: move the test clock past the step of the last code typed.
    if (CLOCK.instant().isBefore(lastCode.plusSeconds(30))) {
      CLOCK.set(lastCode.plusSeconds(30));
    }
    lastCode = CLOCK.instant();
    browser.findElement(By.id("code")).sendKeys(AdminTotp.code(appSecret, lastCode));
    browser.findElement(By.cssSelector("#enrol-form button, #second-factor-form button")).click();
  }

  @AfterEach
  void restore() {
    if (browser != null) {
      browser.quit();
    }
    configure.configure(
        new ConfigureStepUpCommand(
            new EnvironmentId("demo"),
            StepUpSettings.defaults(),
            "test",
            RequestOrigin.internal()));
  }

  private void openSettings() {
    browser.findElement(By.linkText("Step-up settings")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("use-wallet:sign")));
  }

  /** Unchecks a box once no save is in flight, and waits until the saved form shows it. */
  private void uncheck(String id) {
    wait.until(
        driver -> {
          try {
            if (!driver.findElements(By.cssSelector("form.htmx-request")).isEmpty()) {
              return false;
            }
            var box = driver.findElement(By.id(id));
            if (box.isSelected()) {
              box.click();
              return false;
            }
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
          }
        });
  }

  private void waitForSaved() {
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Saved."));
  }

  @Test
  void switchingWalletSignToSingleUseChangesTheNextToken() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(stepUpByEmail(session, user, "wallet:sign").json().get("singleUse").asBoolean())
        .isFalse();

    openSettings();
    new Select(browser.findElement(By.id("use-wallet:sign"))).selectByValue("single");
    waitForSaved();
    screenshot("console-step-up-settings");

    CLOCK.advance(Duration.ofSeconds(31));
    assertThat(stepUpByEmail(session, user, "wallet:sign").json().get("singleUse").asBoolean())
        .isTrue();
  }

  @Test
  void disablingEmailCodesRemovesThemFromCheck() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    assertThat(ReauthStepUpIT.formats(check(session))).containsExactly("email");

    openSettings();
    uncheck("method-email_otp");
    waitForSaved();
    assertThat(ReauthStepUpIT.formats(check(session))).isEmpty();

    // Turning every method off is explained, not saved.
    for (String method :
        List.of("sms_otp", "wallet", "social", "passkey", "totp", "recovery_code")) {
      uncheck("method-" + method);
    }
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".problems"), "Not saved"));
    screenshot("console-step-up-settings-problem");
  }

  @Test
  void aTokenRevokedInTheTableIsRefusedByTheApi() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer token = stepUpByEmail(session, user, "wallet:sign");
    String tokenId = token.text("tokenId");

    browser.findElement(By.linkText("Issued tokens")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter-user")));
    browser.findElement(By.id("filter-user")).sendKeys(user.id());
    browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke-" + tokenId)));
    screenshot("console-issued-tokens");
    // The filter fires on change and on submit, and the table refreshes itself: a row found a
    // moment ago may have been swapped out, so click the current one.
    wait.until(
        driver -> {
          try {
            driver.findElement(By.id("revoke-" + tokenId)).click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
          }
        });
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("token-" + tokenId), "revoked"));

    ApiClient.Answer refused =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/sign",
            session,
            Map.of("message", "m"),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(refused.code()).isEqualTo("token_revoked");
  }

  @Test
  void anApiKeyCreatedInTheConsoleWorksAtOnce() {
    browser.findElement(By.linkText("Demo")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-name")));
    browser.findElement(By.id("key-name")).sendKeys("browser-made key");
    browser.findElement(By.id("create-key")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-key-secret")));
    String secret = browser.findElement(By.id("new-key-secret")).getText();
    screenshot("console-environment-api-keys");
    assertThat(secret).startsWith("sk_demo_");

    ApiClient.Answer created =
        api.post(ENV + "/users", secret, Map.of("email", "made-with-new-key@example.test"));
    assertThat(created.status()).isEqualTo(201);

    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-name")));
    assertThat(browser.getPageSource()).doesNotContain(secret).contains("browser-made key");
  }

  @Test
  void anAdminResetsAUsersMfaAfterConfirmingAndTheirTokenStopsWorking() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer token = stepUpByEmail(session, user, "wallet:sign");
    UserId id = new UserId(user.id());
    CredentialId key = new CredentialId("cred_bpk_" + Integer.toHexString(user.id().hashCode()));
    Instant now = CLOCK.instant();
    passkeys.add(
        new Passkey(
            key, id, "webauthn-" + user.id(), "handle", new byte[] {1}, 0, "Desk key", now));
    User stored = users.find(new EnvironmentId("demo"), id).orElseThrow();
    stored.addCredential(
        new Credential(
            key,
            CredentialFormat.PASSKEY,
            "webauthn-" + user.id(),
            Optional.empty(),
            Optional.of("Desk key"),
            false,
            now,
            false));
    users.save(stored);

    browser.findElement(By.linkText("Demo")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Users")));
    browser.findElement(By.linkText("Users")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-q")));
    browser.findElement(By.id("user-q")).sendKeys(user.id());
    browser.findElement(By.cssSelector("#user-search button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-" + user.id())));
    screenshot("console-users");
    browser.findElement(By.linkText(user.id())).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset-mfa")));
    assertThat(browser.findElement(By.id("mfa-devices")).getText()).contains("Desk key");
    screenshot("console-user");

    browser.findElement(By.id("reset-mfa")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset-done")));
    assertThat(browser.findElement(By.id("reset-done")).getText()).contains("MFA reset.");
    assertThat(browser.findElement(By.id("no-mfa")).getText()).isEqualTo("No MFA devices.");
    screenshot("console-user-mfa-reset");

    ApiClient.Answer refused =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/sign",
            session,
            Map.of("message", "m"),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    // The reset ended the user's sessions, which revoked their tokens.
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("unauthenticated");
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token.text("elevatedAccessToken")));
    assertThat(introspected.raw().body()).isEqualTo("{\"active\":false}");

    browser.findElement(By.linkText("Dashboard")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-methods")));
    assertThat(browser.findElement(By.id("numbers-methods")).getText()).contains("Email code");
    screenshot("console-dashboard");
  }

  private tools.jackson.databind.JsonNode check(String session) {
    return api.post(ENV + "/step-up/check", session, Map.of("scope", "wallet:export")).json();
  }

  private void screenshot(String name) {
    Chromium.screenshot(browser, name);
  }
}
