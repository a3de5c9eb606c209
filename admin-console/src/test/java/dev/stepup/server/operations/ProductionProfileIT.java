package dev.stepup.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.delivery.DeliveryFailure;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.LogOutput;
import dev.stepup.server.StepUpServerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile: unsafe embedded defaults refuse to start with words that name each
 * problem; a safe start creates no demo environment and hands the first admin password over in an
 * owner-only file, never on the console or in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileIT {

  @TempDir Path dataDir;
  @TempDir Path keys;

  @Test
  void withoutAMasterKeyOrSmtpItRefusesToStartAndSaysWhy() {
    assertThat(refusal(() -> start()))
        .contains("The prod profile refuses to start")
        .contains("No master key is configured")
        .contains("spring.mail.host is not set");
    assertThat(dataDir.resolve("master.key")).doesNotExist();
  }

  @Test
  void aKeyFileInsideTheDataDirectoryIsRefused() throws Exception {
    Path inside = dataDir.resolve("keys/master.key");
    Files.createDirectories(inside.getParent());
    Files.writeString(inside, randomKey());

    assertThat(
            refusal(
                () -> start("--stepup.master-key-file=" + inside, "--spring.mail.host=localhost")))
        .contains("is inside the data directory");
  }

  @Test
  void aSafeStartHasNoDemoAndLeavesTheAdminPasswordInAnOwnerOnlyFile(CapturedOutput output)
      throws Exception {
    Path keyFile = keys.resolve("master.key");
    Files.writeString(keyFile, randomKey());
    String[] safe = {"--stepup.master-key-file=" + keyFile, "--spring.mail.host=localhost"};

    try (ConfigurableApplicationContext server = start(safe)) {
      assertThat(server.getBean(FindEnvironmentsUseCase.class).all()).isEmpty();
      Path passwordFile = dataDir.resolve("initial-admin-password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      String password = Files.readString(passwordFile).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(12);
      String hash = server.getBean(AdminAccounts.class).find("admin").orElseThrow().passwordHash();
      assertThat(server.getBean(SecretHasher.class).passwordMatches(password, hash)).isTrue();
      String log = LogOutput.settled(output, all -> all.contains(passwordFile.toString()));
      assertThat(log).doesNotContain(password).contains(passwordFile.toString());
      assertThat(log).doesNotContain("Demo API key");
      // Without a gateway a text is refused for good (a dead letter), never kept in an outbox.
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  DeliveryFailure.class,
                  () ->
                      server
                          .getBean(SmsTransport.class)
                          .send(new EnvironmentId("shop"), "+14155550123", "code 123456")))
          .satisfies(f -> assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT))
          .hasMessageContaining("no SMS gateway is configured");

      // An admin turns on an environment whose settings enable SMS codes …
      server
          .getBean(CreateEnvironmentUseCase.class)
          .create(
              CreateEnvironmentUseCase.Command.of(
                  "shop", "Shop", "admin", RequestOrigin.internal()));
    }
    // … so without a gateway, the next start is refused and says which environment needs one.
    assertThat(refusal(() -> start(safe)))
        .contains("stepup.sms.gateway-url is not set, but environment shop");
    List<String> withGateway = new ArrayList<>(List.of(safe));
    withGateway.add("--stepup.sms.gateway-url=http://localhost:9/messages");
    start(withGateway.toArray(String[]::new)).close();
  }

  /** The words of the deepest cause of a refused start. */
  private static String refusal(Runnable start) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(start::run);
    assertThat(thrown).as("the start was refused").isNotNull();
    while (thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    return thrown.getMessage();
  }

  private ConfigurableApplicationContext start(String... args) {
    List<String> all = new ArrayList<>(List.of("--stepup.data-dir=" + dataDir));
    all.addAll(List.of(args));
    return new SpringApplicationBuilder(StepUpServerApplication.class)
        .profiles("prod")
        .web(WebApplicationType.NONE)
        .run(all.toArray(String[]::new));
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
