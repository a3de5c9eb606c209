package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.at;
import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.StepUpProperties;
import dev.stepup.server.StepUpServerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A node started with exactly the environment compose gives it (the image's ENV, then the node's
 * environment with the operator's .env filled in) passes the production profile's checks, and
 * answers every probe path the compose health check, the load balancer and the Kubernetes probes
 * ask for on its management port — and not on the public one. Only the database (H2 in a temporary
 * directory instead of the compose PostgreSQL) and the ports (free ones) differ.
 */
class ComposeNodeIT {

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aNodeWithTheComposeEnvironmentStartsInProdAndServesEveryProbeTheDeploymentAsksFor()
      throws Exception {
    Map<String, Object> env = nodeEnvironment();
    StandardEnvironment environment = new StandardEnvironment();
    // Named like the process environment, so Spring Boot maps its names the same way (only then
    // do nested settings such as STEPUP_BOOTSTRAP_ADMIN_PASSWORD bind).
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("compose-systemEnvironment", env));

    try (ConfigurableApplicationContext node =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .environment(environment)
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=",
                "--stepup.data-dir=" + dataDir)) {
      assertThat(node.getEnvironment().getActiveProfiles()).containsExactly("prod");
      StepUpProperties bound = node.getBean(StepUpProperties.class);
      assertThat(bound.issuer()).isEqualTo(env.get("STEPUP_ISSUER"));
      assertThat(bound.masterKey()).isEqualTo(env.get("STEPUP_MASTER_KEY"));

      int publicPort = ((WebServerApplicationContext) node).getWebServer().getPort();
      int managementPort =
          Integer.parseInt(node.getEnvironment().getProperty("local.management.port"));
      assertThat(managementPort).isNotEqualTo(publicPort);
      for (String path : probePathsTheDeploymentAsksFor()) {
        assertThat(status(managementPort, path)).as("management " + path).isEqualTo(200);
        assertThat(status(publicPort, path)).as("public " + path).isNotEqualTo(200);
      }
    }
  }

  /** The paths of the compose health checks, the balancer's check and the pods' probes. */
  private static Set<String> probePathsTheDeploymentAsksFor() {
    Set<String> paths = new TreeSet<>();
    Pattern url = Pattern.compile("http://localhost:\\d+(/\\S*)");
    DeployFiles.composeNodes()
        .values()
        .forEach(
            node ->
                list(map(node.get("healthcheck")).get("test")).stream()
                    .map(part -> url.matcher(String.valueOf(part)))
                    .filter(Matcher::matches)
                    .forEach(m -> paths.add(m.group(1))));
    Matcher check =
        Pattern.compile("(?m)^\\s*http-check send meth GET uri (\\S+)")
            .matcher(DeployFiles.text("haproxy.cfg"));
    while (check.find()) {
      paths.add(check.group(1));
    }
    Map<String, Object> container =
        map(
            list(at(DeployFiles.onlyKubernetes("Deployment"), "spec.template.spec.containers"))
                .get(0));
    for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
      paths.add((String) at(container, probe + ".httpGet.path"));
    }
    assertThat(paths).hasSizeGreaterThanOrEqualTo(2);
    return paths;
  }

  /** The image's ENV, then compose's node1 environment, interpolated as compose would. */
  private static Map<String, Object> nodeEnvironment() {
    Map<String, String> dotEnv =
        Map.of(
            "STEPUP_MASTER_KEY", randomKey(),
            "STEPUP_BOOTSTRAP_ADMIN_PASSWORD", "correct horse battery staple",
            "POSTGRES_PASSWORD", "not-used-here");
    Map<String, Object> env = new LinkedHashMap<>(DeployFiles.dockerfile().env());
    env.remove("JAVA_TOOL_OPTIONS");
    Map<String, Object> node = DeployFiles.composeNodes().values().iterator().next();
    Pattern variable = Pattern.compile("\\$\\{([A-Z_]+)(?::([-?])([^}]*))?}");
    map(node.get("environment"))
        .forEach(
            (name, value) -> {
              Matcher m = variable.matcher(String.valueOf(value));
              StringBuilder interpolated = new StringBuilder();
              while (m.find()) {
                String given = dotEnv.get(m.group(1));
                if (given == null && "?".equals(m.group(2))) {
                  throw new AssertionError(name + " needs " + m.group(1) + " from .env");
                }
                m.appendReplacement(
                    interpolated,
                    Matcher.quoteReplacement(given != null ? given : String.valueOf(m.group(3))));
              }
              m.appendTail(interpolated);
              env.put(name, interpolated.toString());
            });
    return env;
  }

  private int status(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
