package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.ConsoleHttp;
import dev.stepup.server.StepUpServerApplication;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliveries page: with no SMTP server configured an admin reads the codes in the development
 * outbox; with one that never takes a message, the admin sees the dead letter, masked and without
 * its code.
 */
class OutboxPageIT {

  private static final String KEY = "sk_demo_" + "o".repeat(40);
  private static final String PASSWORD = "outbox admin password";

  @TempDir Path dataDir;

  @Test
  void adminSeesTheCodeThatWouldHaveBeenMailed() throws Exception {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .run(
                "--stepup.data-dir=" + dataDir,
                "--server.port=0",
                "--stepup.bootstrap.demo-api-key=" + KEY,
                "--stepup.bootstrap.admin-password=" + PASSWORD)) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();

      String env = base + "/api/v1/environments/demo";
      String user =
          json(post(http, env + "/users", KEY, "{\"email\":\"outbox@example.test\"}"), "id");
      String session =
          json(post(http, env + "/users/" + user + "/sessions", KEY, "{}"), "sessionToken");
      assertThat(post(http, env + "/step-up/otp/send", session, "{}").statusCode()).isEqualTo(200);

      HttpResponse<String> anonymous = get(http, base + "/admin/outbox");
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

      ConsoleHttp console = signIn(base);
      http = HttpClient.newBuilder().cookieHandler(console.cookies).build();

      // Sent by the background worker right after the request: the page shows it within moments.
      HttpResponse<String> page = get(http, base + "/admin/outbox");
      for (int i = 0; i < 50 && !page.body().contains("outbox@example.test"); i++) {
        Thread.sleep(100);
        page = get(http, base + "/admin/outbox");
      }
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("outbox@example.test")
          .containsPattern("Your verification code is \\d{6}");
    }
  }

  @Test
  void aMessageTheMailServerNeverTakesBecomesADeadLetterTheAdminSeesWithoutItsCode()
      throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .run(
                "--stepup.data-dir=" + dataDir,
                "--server.port=0",
                "--stepup.bootstrap.demo-api-key=" + KEY,
                "--stepup.bootstrap.admin-password=" + PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + closedPort,
                "--stepup.delivery.max-attempts=2",
                "--stepup.delivery.first-retry-delay=100ms",
                "--stepup.delivery.poll-interval=100ms")) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String env = base + "/api/v1/environments/demo";
      String user =
          json(post(http, env + "/users", KEY, "{\"email\":\"lost@example.test\"}"), "id");
      String session =
          json(post(http, env + "/users/" + user + "/sessions", KEY, "{}"), "sessionToken");
      // The API answers as soon as the code is queued, whatever the mail server does.
      assertThat(post(http, env + "/step-up/otp/send", session, "{}").statusCode()).isEqualTo(200);

      ConsoleHttp console = signIn(base);
      http = HttpClient.newBuilder().cookieHandler(console.cookies).build();
      HttpResponse<String> page = get(http, base + "/admin/outbox");
      for (int i = 0; i < 100 && !page.body().contains("dead letter"); i++) {
        Thread.sleep(100);
        page = get(http, base + "/admin/outbox");
      }
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("Failed deliveries", "dead letter", "l••••@example.test", "out of attempts")
          .doesNotContain("lost@example.test")
          .doesNotContainPattern("code(:| is) \\d{6}");

      // Health tells a platform that mail is failing, without calling the server down.
      HttpResponse<String> health = get(http, base + "/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode status = JsonMapper.builder().build().readTree(health.body());
      assertThat(status.get("status").asString()).as(health.body()).isEqualTo("UP");
      assertThat(status.at("/components/mail/status").asString()).isEqualTo("DEGRADED");
      assertThat(status.at("/components/sms/status").asString()).isEqualTo("UP");
      assertThat(health.body()).doesNotContain("lost@");
      HttpResponse<String> readiness = get(http, base + "/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).doesNotContain("mail");
    }
  }

  /** Signs in as the bootstrap admin, enrolling the authenticator app as the console asks. */
  private static ConsoleHttp signIn(String base) throws Exception {
    ConsoleHttp console = new ConsoleHttp(base);
    HttpResponse<String> login = console.password("admin", PASSWORD);
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/sign-in/second-factor");
    console.enrol(Instant.now());
    return console;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, String url, String bearer, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String json(HttpResponse<String> response, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return m.group(1);
  }
}
