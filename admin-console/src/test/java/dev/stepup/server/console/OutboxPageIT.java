package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.StepUpServerApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With no SMTP server configured, an admin reads the codes in the development outbox. */
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

      HttpResponse<String> loginPage = get(http, base + "/login");
      Matcher csrf =
          Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
              .matcher(loginPage.body());
      assertThat(csrf.find()).as(loginPage.body()).isTrue();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=admin&password="
                              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                              + "&_csrf="
                              + csrf.group(1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/admin");

      HttpResponse<String> page = get(http, base + "/admin/outbox");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("outbox@example.test")
          .containsPattern("Your verification code is \\d{6}");
    }
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
