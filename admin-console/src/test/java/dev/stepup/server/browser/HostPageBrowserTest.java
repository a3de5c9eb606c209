package dev.stepup.server.browser;

import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.server.api.ApiTestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Chromium with a host page on a second origin ({@link HostApp}) that the environment lists as a
 * browser origin for the test, and no longer after it.
 */
abstract class HostPageBrowserTest extends ApiTestServer {

  @Autowired AllowBrowserOriginsUseCase browserOrigins;

  protected ChromeDriver browser;
  protected WebDriverWait wait;
  protected HostApp host;

  @BeforeEach
  void openHostPage() throws IOException {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    host = new HostApp(browser, wait, port);
    HostApp.allowOrigins(browserOrigins, List.of(host.origin()));
  }

  @AfterEach
  void closeHostPage() {
    HostApp.allowOrigins(browserOrigins, List.of());
    if (browser != null) {
      browser.quit();
    }
    if (host != null) {
      host.close();
    }
  }
}
