package dev.stepup.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scrape token still guards the endpoint on a separate management port: the security rules run
 * there too, so a stranger who reaches that port reads nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortWithTokenIT {

  private static final String TOKEN = "mgmt-" + "q".repeat(40);

  @LocalManagementPort int managementPort;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("stepup-management-token-it").toString();
    registry.add("stepup.data-dir", () -> dataDir);
    registry.add("stepup.bootstrap.demo-api-key", () -> "sk_demo_" + "r".repeat(40));
    registry.add("stepup.bootstrap.admin-password", () -> "correct horse battery staple");
    registry.add("management.server.port", () -> "0");
    registry.add("stepup.metrics.scrape-token", () -> TOKEN);
  }

  @Test
  void theManagementPortAsksForTheTokenWhenOneIsConfigured() throws Exception {
    HttpResponse<String> anonymous = scrape(null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("stepup_");

    HttpResponse<String> scraper = scrape("Bearer " + TOKEN);
    assertThat(scraper.statusCode()).isEqualTo(200);
    assertThat(scraper.body()).contains("stepup_delivery_waiting{");

    HttpRequest probe =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health/liveness"))
            .build();
    assertThat(http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> scrape(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://localhost:" + managementPort + "/actuator/prometheus"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
