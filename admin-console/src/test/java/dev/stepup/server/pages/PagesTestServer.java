package dev.stepup.server.pages;

import dev.stepup.domain.environment.EnvironmentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application behind MockMvc (security filters included) for the hosted-page and console
 * integration tests. Every subclass shares this one configuration, so they share one Spring context
 * and one data directory: each test makes its own users and admins and restores what it changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({HostedDriver.class, ConsoleDriver.class})
public abstract class PagesTestServer {

  protected static final EnvironmentId DEMO = HostedDriver.DEMO;

  /** The origin the passkey tests' software authenticator signs for. */
  protected static final String PAGE_ORIGIN = "http://localhost:8443";

  private static final Path DATA_DIR = tempDir();

  @Autowired protected MockMvc mvc;
  @Autowired protected HostedDriver hosted;
  @Autowired protected ConsoleDriver console;

  @DynamicPropertySource
  static void pages(DynamicPropertyRegistry registry) {
    registry.add("stepup.data-dir", DATA_DIR::toString);
    registry.add("stepup.passkeys.origins", () -> PAGE_ORIGIN);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("stepup-pages");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
