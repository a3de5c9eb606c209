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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator moves actuator endpoints off the public port ({@code management.server.port}): the
 * main port no longer serves metrics; the management port serves them to a scraper without a token,
 * and the probes with them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortIT {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("stepup-management-it").toString();
    registry.add("stepup.data-dir", () -> dataDir);
    registry.add("stepup.bootstrap.demo-api-key", () -> "sk_demo_" + "p".repeat(40));
    registry.add("stepup.bootstrap.admin-password", () -> "correct horse battery staple");
    registry.add("management.server.port", () -> "0");
  }

  @Test
  void metricsAreServedOnTheManagementPortOnly() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);

    HttpResponse<String> onMain = get(port, "/actuator/prometheus");
    assertThat(onMain.statusCode()).isNotEqualTo(200);
    assertThat(onMain.body()).doesNotContain("stepup_");

    HttpResponse<String> onManagement = get(managementPort, "/actuator/prometheus");
    assertThat(onManagement.statusCode()).isEqualTo(200);
    assertThat(onManagement.body())
        .contains("stepup_delivery_waiting{")
        .contains("jvm_memory_used_bytes");
    assertThat(onManagement.headers().allValues("Set-Cookie")).isEmpty();

    assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
