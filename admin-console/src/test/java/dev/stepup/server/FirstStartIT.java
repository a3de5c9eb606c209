package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
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

/**
 * The server as an operator meets it: started twice on one data directory, it is healthy both
 * times, keeps its data, and prints the generated admin password and API key only the first time.
 */
class FirstStartIT {

  @TempDir Path dataDir;

  record Run(String console, int port) {}

  @Test
  void secondStartKeepsDataAndPrintsNoSecrets() throws Exception {
    Run first = start();
    assertThat(first.console()).contains("first start").contains("/admin");
    Matcher password = Pattern.compile("Admin password: (\\S+)").matcher(first.console());
    Matcher apiKey = Pattern.compile("Demo API key:   (sk_demo_\\S+)").matcher(first.console());
    assertThat(password.find()).isTrue();
    assertThat(apiKey.find()).isTrue();

    Run second = start();
    assertThat(second.console())
        .doesNotContain("first start")
        .doesNotContain(password.group(1))
        .doesNotContain(apiKey.group(1));
    assertThat(dataDir.resolve("stepup.mv.db")).exists();
  }

  /** Starts the server, checks health, reads what it printed, and stops it. */
  private Run start() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
    ConfigurableApplicationContext context;
    try {
      context =
          new SpringApplicationBuilder(StepUpServerApplication.class)
              .run("--stepup.data-dir=" + dataDir, "--server.port=0");
    } finally {
      System.setOut(original);
    }
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      return new Run(captured.toString(StandardCharsets.UTF_8), port);
    } finally {
      context.close();
    }
  }

  /** Writes to two streams, so the build log still shows what the server printed. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
