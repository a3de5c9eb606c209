package dev.stepup.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.ChainExports;
import dev.stepup.server.ConsoleHttp;
import dev.stepup.server.StepUpServerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The tamper-evident audit trail as an admin meets it: the chain verifies, its export verifies
 * without the server (recomputed here from the documented formula alone), and a record changed in
 * the database afterwards is named on the page.
 */
class AuditChainIT {

  private static final String KEY = "sk_demo_" + "c".repeat(40);
  private static final String PASSWORD = "audit chain admin password";

  @TempDir Path dataDir;

  @Test
  void anAdminVerifiesAndExportsTheChainAndSeesWhereItWasTamperedWith() throws Exception {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .run(
                "--stepup.data-dir=" + dataDir,
                "--server.port=0",
                "--stepup.audit.seal-interval=200ms",
                "--stepup.bootstrap.demo-api-key=" + KEY,
                "--stepup.bootstrap.admin-password=" + PASSWORD)) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        String user =
            field(post(http, base, "/users", "{\"email\":\"chain" + i + "@example.test\"}"), "id");
        post(http, base, "/users/" + user + "/sessions", "{}");
      }
      HttpResponse<String> anonymous =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/admin/audit/chain/export?env=demo"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.body()).doesNotContain("\"hash\"");

      ConsoleHttp console = new ConsoleHttp(base);
      console.password("admin", PASSWORD);
      console.enrol(Instant.now());

      HttpResponse<String> page = sealedChain(console);
      assertThat(page.body()).contains("id=\"chain-intact\"");
      String head = match(page.body(), "id=\"chain-head\">([0-9a-f]{64})<");

      HttpResponse<String> export = console.get("/admin/audit/chain/export?env=demo");
      assertThat(export.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/x-ndjson");
      List<JsonNode> lines = ChainExports.lines(export.body());
      assertThat(lines).hasSizeGreaterThanOrEqualTo(6); // three users and three sessions at least
      assertThat(ChainExports.recomputedHead(lines)).isEqualTo(head);
      assertThat(export.body()).doesNotContain(KEY);

      long third = lines.get(2).get("id").asLong();
      JdbcClient.create(server.getBean(DataSource.class))
          .sql("UPDATE audit_events SET reason = 'nothing happened' WHERE id = ?")
          .param(third)
          .update();

      HttpResponse<String> tampered = console.get("/admin/audit/chain?env=demo");
      assertThat(tampered.body())
          .contains("id=\"chain-broken\"")
          .contains("The chain breaks at record " + third + " (position 3)")
          .contains("changed after it was sealed");
    }
  }

  /** The chain page once every record written so far is sealed. */
  private static HttpResponse<String> sealedChain(ConsoleHttp console) throws Exception {
    HttpResponse<String> page = console.get("/admin/audit/chain?env=demo");
    for (int i = 0; i < 100 && !page.body().contains(">0</span> newer records wait"); i++) {
      Thread.sleep(100);
      page = console.get("/admin/audit/chain?env=demo");
    }
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(">0</span> newer records wait");
    return page;
  }

  private static HttpResponse<String> post(HttpClient http, String base, String path, String body)
      throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/environments/demo" + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer;
  }

  private static String field(HttpResponse<String> response, String name) {
    return match(response.body(), "\"" + name + "\":\"([^\"]+)\"");
  }

  private static String match(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }
}
