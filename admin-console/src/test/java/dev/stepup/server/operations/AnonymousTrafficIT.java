package dev.stepup.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a platform and a flood of strangers see: probes answer without signing in, and no anonymous
 * request — API, probe, static asset, redirect or sign-in page — leaves an HTTP session behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousTrafficIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("stepup-anon-it").toString();
    registry.add("stepup.data-dir", () -> dataDir);
    registry.add("stepup.bootstrap.demo-api-key", () -> "sk_demo_" + "a".repeat(40));
    registry.add("stepup.bootstrap.admin-password", () -> "correct horse battery staple");
  }

  @Test
  void livenessAndReadinessAnswerWithoutSigningInAndWithoutACookie() throws Exception {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> answer = get(probe);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
      assertThat(answer.headers().allValues("Set-Cookie")).as(probe).isEmpty();
    }
  }

  @Test
  void aThousandAnonymousRequestsLeaveNoSessionBehind() throws Exception {
    List<String> paths =
        List.of(
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/api/v1/environments/demo/me",
            "/.well-known/jwks.json",
            "/webjars/htmx.org/dist/htmx.min.js",
            "/hosted/demo/sign-in",
            "/hosted/demo/wallet",
            "/hosted/demo/account",
            "/admin",
            "/admin/users",
            "/login",
            "/no/such/page");
    int before = sessionRows();
    List<String> cookies = new ArrayList<>();

    for (int i = 0; i < 1000; i++) {
      String path = paths.get(i % paths.size());
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isLessThan(500);
      answer.headers().allValues("Set-Cookie").stream()
          .filter(
              c ->
                  c.startsWith("JSESSIONID")
                      || c.startsWith("stepup_console")
                      || c.startsWith("stepup_hosted"))
          .forEach(c -> cookies.add(path + " -> " + c));
    }

    assertThat(cookies).isEmpty();
    assertThat(sessionRows() - before).isZero();
  }

  /** HTTP sessions live in the database (V20): a session made anywhere is a row there. */
  private int sessionRows() {
    return jdbc.sql("SELECT COUNT(*) FROM http_sessions").query(Integer.class).single();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
