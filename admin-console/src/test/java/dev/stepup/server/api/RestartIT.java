package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.StepUpServerApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What the server knows survives a restart: users, sessions, locks and spent tokens. */
class RestartIT {

  private static final String ENV = "/api/v1/environments/demo";
  private static final String KEY = "sk_demo_" + "r".repeat(40);

  @TempDir Path dataDir;

  @Test
  void locksSessionsAndSpentTokensOutliveTheProcess() {
    String session;
    String token;
    String userId;
    String wallet;
    try (ConfigurableApplicationContext first = start()) {
      ApiClient api = client(first);
      ApiClient.Answer user =
          api.post(ENV + "/users", KEY, Map.of("email", "r@example.test", "embeddedWallet", true));
      userId = user.text("id");
      wallet = user.json().get("credentials").get(1).get("id").asString();
      session =
          api.post(ENV + "/users/" + userId + "/sessions", KEY, Map.of()).text("sessionToken");
      token =
          api.post(
                  ENV + "/elevated-tokens",
                  KEY,
                  Map.of("userId", userId, "scopes", List.of("wallet:export")))
              .text("elevatedAccessToken");
      assertThat(
              api.post(
                      ENV + "/elevated-tokens/introspect",
                      KEY,
                      Map.of("token", token, "consume", true))
                  .json()
                  .get("active")
                  .asBoolean())
          .isTrue();

      assertThat(api.post(ENV + "/step-up/otp/send", session, Map.of()).status()).isEqualTo(200);
      ApiClient.Answer last = null;
      for (int i = 0; i < 10; i++) {
        last = wrongCode(api, session);
        if (last.status() == 429) {
          break;
        }
      }
      assertThat(last.code()).isEqualTo("too_many_attempts");
    }

    try (ConfigurableApplicationContext second = start()) {
      ApiClient api = client(second);
      assertThat(api.get(ENV + "/users/" + userId, KEY).status()).isEqualTo(200);
      assertThat(api.get(ENV + "/me", session).status()).isEqualTo(200);
      ApiClient.Answer stillLocked = wrongCode(api, session);
      assertThat(stillLocked.status()).isEqualTo(429);
      assertThat(stillLocked.header("Retry-After")).isNotNull();
      ApiClient.Answer spent =
          api.post(
              ENV + "/wallets/" + wallet + "/export",
              session,
              Map.of(),
              Map.of("X-Elevated-Access-Token", token));
      assertThat(spent.code()).isEqualTo("token_consumed");
    }
  }

  private static ApiClient.Answer wrongCode(ApiClient api, String session) {
    return api.post(
        ENV + "/step-up/otp/verify",
        session,
        Map.of("verificationToken", "000000", "requestedScopes", List.of("wallet:export")));
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(StepUpServerApplication.class)
        .run(
            "--stepup.data-dir=" + dataDir,
            "--server.port=0",
            "--stepup.bootstrap.demo-api-key=" + KEY);
  }

  private static ApiClient client(ConfigurableApplicationContext context) {
    return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
  }
}
