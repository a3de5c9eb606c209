package dev.stepup.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenUseCase;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.in.wallet.ExportWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.server.StepUpServerApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator changes the master key: the server refuses a wrong key at start with words that say
 * what to do, reads everything while the old key is still given as previous, the documented command
 * reseals every secret, and afterwards the new key alone opens it all — wallet keys, signing keys
 * and the API key, whose digest depends on the pepper that must survive.
 */
class MasterKeyRotationIT {

  private static final EnvironmentId DEMO = new EnvironmentId("demo");
  private static final String API_KEY = "sk_demo_" + "r".repeat(40);

  @TempDir Path dataDir;
  private final String keyA = randomKey();
  private final String keyB = randomKey();

  @Test
  void theMasterKeyRotatesWithoutLosingASecretAndAWrongKeyIsRefusedAtStart() throws Exception {
    String walletKey;
    User alice;
    try (ConfigurableApplicationContext server = start(keyA)) {
      alice =
          server
              .getBean(CreateUserUseCase.class)
              .create(
                  new CreateUserCommand(
                      DEMO,
                      Optional.of("alice@example.test"),
                      Optional.empty(),
                      List.of(),
                      true,
                      RequestOrigin.internal()));
      walletKey = export(server, alice);
      assertThat(walletKey).startsWith("0x");
    }

    assertThatThrownBy(() -> start(keyB))
        .rootCause()
        .hasMessageContaining("The master key does not open this database");

    try (ConfigurableApplicationContext rotating =
        start(keyB, "--stepup.previous-master-keys=" + keyA)) {
      assertThat(export(rotating, alice)).isEqualTo(walletKey);
      assertThat(rotating.getBean(AuthenticateCallerUseCase.class).apiKey(DEMO, API_KEY)).isTrue();
    }

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit =
        rotateCommand(
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            "--stepup.data-dir=" + dataDir,
            "--stepup.master-key=" + keyB,
            "--stepup.previous-master-keys=" + keyA,
            "rotate-master-key");
    assertThat(exit).isZero();
    // The wallet key and the token-signing key at least were sealed under the old key.
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "Master key rotation: ([2-9]|[1-9][0-9]+) secrets resealed under the new key, 0 already were");

    try (ConfigurableApplicationContext rotated = start(keyB)) {
      assertThat(export(rotated, alice)).isEqualTo(walletKey);
      assertThat(rotated.getBean(AuthenticateCallerUseCase.class).apiKey(DEMO, API_KEY)).isTrue();
      assertThat(rotated.getBean(AuthenticateCallerUseCase.class).apiKey(DEMO, API_KEY + "x"))
          .isFalse();
    }
    assertThatThrownBy(() -> start(keyA))
        .rootCause()
        .hasMessageContaining("The master key does not open this database");
    assertThat(Files.readString(dataDir.resolve("stepup.mv.db"), StandardCharsets.ISO_8859_1))
        .doesNotContain(walletKey.substring(2));
  }

  private ConfigurableApplicationContext start(String masterKey, String... more) {
    List<String> args = new ArrayList<>(baseArgs(masterKey));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(StepUpServerApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  private List<String> baseArgs(String masterKey) {
    return List.of(
        "--stepup.data-dir=" + dataDir,
        "--stepup.master-key=" + masterKey,
        "--stepup.bootstrap.demo-api-key=" + API_KEY,
        "--stepup.bootstrap.admin-password=correct horse battery staple");
  }

  private static String export(ConfigurableApplicationContext server, User user) {
    Credential wallet =
        user.credentials().stream().filter(Credential::isEmbeddedWallet).findFirst().orElseThrow();
    StartedSession session =
        server
            .getBean(StartSessionUseCase.class)
            .start(
                new StartSessionCommand(
                    DEMO,
                    user.id(),
                    Optional.of(user.credentials().get(0).id()),
                    RequestOrigin.internal()));
    String token =
        server
            .getBean(IssueElevatedTokenUseCase.class)
            .issue(
                new IssueElevatedTokenCommand(
                    DEMO,
                    user.id(),
                    Optional.of(session.sessionId()),
                    Set.of(Scope.WALLET_EXPORT),
                    Optional.empty(),
                    RequestOrigin.internal()))
            .elevatedAccessToken();
    return server
        .getBean(ExportWalletKeyUseCase.class)
        .export(
            new WalletCommand(
                new SessionContext(DEMO, session.sessionId(), RequestOrigin.internal()),
                wallet.id(),
                Optional.of(token)));
  }

  private static int rotateCommand(PrintStream out, String... args) throws Exception {
    var run =
        Class.forName("dev.stepup.server.RotateMasterKeyCommand")
            .getDeclaredMethod("run", String[].class, PrintStream.class);
    run.setAccessible(true);
    return (int) run.invoke(null, args, out);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
