package dev.stepup.server;

import dev.stepup.application.port.in.security.ResealSecretsUseCase;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rotate-master-key}: reseals every stored secret under {@code stepup.master-key} while
 * {@code stepup.previous-master-keys} still opens the old ones. Runs against the same database as
 * the servers, which keep serving meanwhile (they open both keys), and exits.
 */
final class RotateMasterKeyCommand {

  static final String NAME = "rotate-master-key";

  private RotateMasterKeyCommand() {}

  static boolean isRequested(String[] args) {
    return Arrays.asList(args).contains(NAME);
  }

  /** Answers the process exit code. */
  static int run(String[] args, PrintStream out) {
    SpringApplication app = new SpringApplication(StepUpServerApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(Map.of("stepup.command", NAME));
    try (ConfigurableApplicationContext context = app.run(args)) {
      ResealSecretsUseCase.Result result = context.getBean(ResealSecretsUseCase.class).reseal();
      out.println(
          "Master key rotation: "
              + result.resealed()
              + " secrets resealed under the new key, "
              + result.alreadyCurrent()
              + " already were. Remove stepup.previous-master-keys from every node now.");
      return 0;
    }
  }
}
