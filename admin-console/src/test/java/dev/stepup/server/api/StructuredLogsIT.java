package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stepup.server.LogOutput;
import dev.stepup.server.StepUpServerApplication;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * JSON logs with one setting ({@code logging.structured.format.console=ecs}): a sign-in and a
 * step-up leave log lines that carry the request's correlation id and environment, and none of the
 * secrets that travelled in the requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

  private static final String API_KEY = "sk_demo_" + "j".repeat(40);
  private static final String ADMIN_PASSWORD = "json logs keep this password";
  private static final String ENV = "/api/v1/environments/demo";

  @TempDir Path dataDir;
  private final GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
  private ConfigurableApplicationContext server;
  private ApiClient api;

  @BeforeEach
  void start() {
    // Other test classes of this JVM may have set up logging already (their contexts stay cached);
    // let this server set it up again, as a freshly started server would.
    LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    smtp.start();
    server =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .run(
                "--server.port=0",
                "--stepup.data-dir=" + dataDir,
                "--stepup.bootstrap.demo-api-key=" + API_KEY,
                "--stepup.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--logging.structured.format.console=ecs");
    api = new ApiClient(((WebServerApplicationContext) server).getWebServer().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    smtp.stop();
  }

  @Test
  void aStepUpLogsItsCorrelationIdAndEnvironmentAndNoSecret(CapturedOutput output)
      throws Exception {
    String correlation = "it-" + UUID.randomUUID();
    Map<String, String> traced = Map.of("X-Request-Id", correlation);

    String email = "json-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    ApiClient.Answer user = api.post(ENV + "/users", API_KEY, Map.of("email", email), traced);
    assertThat(user.status()).as(user.raw().body()).isEqualTo(201);
    assertThat(user.header("X-Request-Id")).isEqualTo(correlation);
    String userId = user.text("id");
    ApiClient.Answer started =
        api.post(ENV + "/users/" + userId + "/sessions", API_KEY, Map.of(), traced);
    String session = started.text("sessionToken");

    String otherCorrelation = "other-" + UUID.randomUUID();
    ApiClient.Answer check =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "credential:link"),
            Map.of("X-Correlation-Id", otherCorrelation));
    assertThat(check.json().get("isRequired").asBoolean()).isTrue();
    assertThat(check.header("X-Correlation-Id")).isEqualTo(otherCorrelation);
    assertThat(check.header("X-Request-Id")).isEqualTo(otherCorrelation);

    assertThat(api.post(ENV + "/step-up/otp/send", session, Map.of(), traced).status())
        .isEqualTo(200);
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    String code = ApiTestServer.sixDigits(GreenMailUtil.getBody(mail));
    String wrongCode = ApiTestServer.other(code);
    ApiClient.Answer wrong =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", wrongCode, "requestedScopes", List.of("credential:link")),
            traced);
    assertThat(wrong.status()).isEqualTo(400);
    ApiClient.Answer verified =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", code, "requestedScopes", List.of("credential:link")),
            traced);
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
    String token = verified.text("elevatedAccessToken");
    ApiClient.Answer consumed =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "credential:link", "consume", true),
            traced);
    assertThat(consumed.json().get("active").asBoolean()).isTrue();

    String wrongKey = "sk_demo_" + "w".repeat(40);
    assertThat(api.get(ENV + "/users/" + userId, wrongKey).status()).isEqualTo(401);

    // A malformed id is replaced, never copied into the log or the response.
    String malformed = "not ok \"quoted\"";
    ApiClient.Answer replaced =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "credential:link"),
            Map.of("X-Request-Id", malformed));
    assertThat(replaced.header("X-Request-Id")).isNotEqualTo(malformed).hasSizeBetween(8, 64);

    String last = replaced.header("X-Request-Id");
    String log = LogOutput.settled(output, all -> all.contains(last));
    for (String secret : List.of(API_KEY, wrongKey, session, token, ADMIN_PASSWORD)) {
      assertThat(log).doesNotContain(secret);
    }
    for (String c : List.of(code, wrongCode)) {
      // Not as a number of its own (a timestamp's fraction of a second may hold the digits).
      assertThat(Pattern.compile("(?<![\\d.:])" + c + "(?!\\d)").matcher(log).find())
          .as("the code %s in the log", c)
          .isFalse();
    }
    assertThat(log).doesNotContain("not ok");

    List<JsonNode> lines = linesWith(log, correlation);
    assertThat(lines).as("JSON log lines of the traced requests").hasSizeGreaterThanOrEqualTo(6);
    for (JsonNode line : lines) {
      assertThat(line.path("correlationId").asString()).isEqualTo(correlation);
      assertThat(line.path("environmentId").asString()).isEqualTo("demo");
      assertThat(line.path("apiVersion").asString()).isEqualTo("legacy");
    }
    assertThat(linesWith(log, otherCorrelation))
        .singleElement()
        .satisfies(line -> assertThat(line.path("environmentId").asString()).isEqualTo("demo"));
  }

  /** The log lines that name the correlation id, each parsed as the JSON object it must be. */
  private static List<JsonNode> linesWith(String log, String correlation) {
    return log.lines()
        .filter(line -> line.contains(correlation))
        .map(line -> ApiClient.JSON.readTree(line.strip()))
        .toList();
  }
}
