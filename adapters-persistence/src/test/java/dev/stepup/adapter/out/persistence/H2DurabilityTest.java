package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A consumption acknowledged by H2 survives the process being killed straight after. */
class H2DurabilityTest {

  @TempDir Path dataDir;

  @Test
  void aConsumedTokenStaysConsumedAfterTheProcessIsKilled() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DurabilityProbe.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean committed = false;
      while ((line = out.readLine()) != null) {
        if (line.contains("COMMITTED")) {
          committed = true;
          break;
        }
      }
      assertThat(committed).as("the child process reported its commit").isTrue();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue())
          .as("the child halted without closing the database")
          .isEqualTo(137);
    } finally {
      child.destroyForcibly();
    }

    var dataSource =
        new SimpleDriverDataSource(new org.h2.Driver(), H2Settings.url(dataDir), "stepup", "");
    ElevatedToken token =
        new JdbcElevatedTokens(JdbcClient.create(dataSource))
            .find(new ElevatedTokenId("tok_durable"))
            .orElseThrow();
    assertThat(token.consumedAt()).isPresent();
  }
}
