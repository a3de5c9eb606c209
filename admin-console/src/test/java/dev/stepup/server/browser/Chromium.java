package dev.stepup.server.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through its own ChromeDriver, with a fresh profile and nothing
 * that reaches the network. On CI a missing browser fails the test; elsewhere it skips it.
 */
public final class Chromium {

  private static final String BROWSER = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private Chromium() {}

  public static ChromeDriver start() {
    boolean installed = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(installed, "Chromium is not installed; .ci/run installs it");
    }
    try {
      Path profile = Files.createTempDirectory("stepup-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps a screenshot of what the browser shows as {@code target/screenshots/<name>.png}. */
  public static void screenshot(ChromeDriver browser, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.copy(
          browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
