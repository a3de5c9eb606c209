package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.api.ApiTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser SDK's verify calls take an optional {@code operation}: the token they bring back is
 * refused (403 {@code operation_mismatch}) for any other operation, and a malformed binding is the
 * server's {@code validation_failed}.
 */
class BrowserSdkBindingIT extends ApiTestServer {

  private ChromeDriver browser;
  private SdkPage page;

  @BeforeEach
  void open() {
    browser = Chromium.start();
    page = new SdkPage(browser, new WebDriverWait(browser, Duration.ofSeconds(10)), port);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static final String VERIFY =
      "return stepUp.verifyOTP({ verificationToken: args[0], requestedScopes: ['wallet:export'],"
          + " operation: args[1] })";

  @Test
  void aTokenBoundByTheSdkIsGoodForItsOperationOnly() {
    TestUser user = newUser();
    page.load(signIn(user, user.credential("email")));
    String wallet = SdkPage.wallet(user.json(), "embedded");
    String export = ENV + "/wallets/" + wallet + "/export";

    page.okMap("return stepUp.sendEmailOTP()");
    String code = mailedCode(user.email());
    assertThat(page.error(VERIFY, code, Map.of("digest", "abc")))
        .containsEntry("code", "validation_failed");
    page.okMap(VERIFY, code, Map.of("resource", "wal_elsewhere"));

    Map<String, Object> refused = page.okMap(SdkPage.fetchScript(export, "wallet:export"));
    assertThat(refused).containsEntry("status", 403L);
    assertThat(((Map<?, ?>) refused.get("body")).get("code")).isEqualTo("operation_mismatch");

    CLOCK.advance(Duration.ofSeconds(31)); // past the resend throttle
    page.okMap("return stepUp.sendEmailOTP()");
    page.okMap(VERIFY, mailedCode(user.email()), Map.of("resource", wallet));
    Map<String, Object> exported = page.okMap(SdkPage.fetchScript(export, "wallet:export"));
    assertThat(exported).containsEntry("status", 200L);
  }
}
