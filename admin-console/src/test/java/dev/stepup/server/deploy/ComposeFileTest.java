package dev.stepup.server.deploy;

import static dev.stepup.server.deploy.DeployFiles.list;
import static dev.stepup.server.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml and its load balancer's configuration fit together and fit the server: the
 * nodes start on a healthy database, are checked on the probe the server serves, and the balancer
 * spreads requests over exactly those nodes with no stickiness.
 */
class ComposeFileTest {

  private final Map<String, Object> services = map(DeployFiles.compose().get("services"));
  private final Map<String, Map<String, Object>> nodes = DeployFiles.composeNodes();
  private final DeployFiles.Dockerfile image = DeployFiles.dockerfile();

  @Test
  void twoOrMoreNodesFromTheImageStartOnlyOnAHealthyDatabase() {
    assertThat(nodes).hasSizeGreaterThanOrEqualTo(2);
    nodes.forEach(
        (name, node) -> {
          Map<String, Object> dependsOn = map(node.get("depends_on"));
          assertThat(dependsOn).as(name + " waits for").isNotEmpty();
          dependsOn.forEach(
              (dependency, how) -> {
                assertThat(map(how).get("condition"))
                    .as(name + " waits for " + dependency)
                    .isEqualTo("service_healthy");
                assertThat(map(services.get(dependency)).get("healthcheck"))
                    .as(dependency + " has a health check")
                    .isNotNull();
              });
          String url = String.valueOf(map(node.get("environment")).get("SPRING_DATASOURCE_URL"));
          String database = url.replaceAll("^jdbc:postgresql://([^:/]+).*$", "$1");
          assertThat(services).as("the database service " + url).containsKey(database);
          assertThat(dependsOn).containsKey(database);
        });
  }

  @Test
  void eachNodeIsHealthCheckedOnTheServersReadinessProbeOnTheManagementPort() {
    String readiness = ServerSettings.probePaths().get(1);
    String expected = "http://localhost:" + image.env().get("MANAGEMENT_SERVER_PORT") + readiness;
    nodes.forEach(
        (name, node) ->
            assertThat(list(map(node.get("healthcheck")).get("test")))
                .as(name + "'s health check")
                .contains(expected));
  }

  @Test
  void theBalancerRoundRobinsOverExactlyTheNodesWithoutStickinessAndChecksReadiness() {
    Map<String, Object> balancer = balancerService();
    String config = DeployFiles.text("haproxy.cfg");
    List<String> lines =
        config.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

    Matcher server =
        Pattern.compile("(?m)^\\s*server\\s+(\\S+)\\s+([^:\\s]+):(\\d+)").matcher(config);
    Set<String> targets = new java.util.TreeSet<>();
    while (server.find()) {
      assertThat(server.group(1)).isEqualTo(server.group(2));
      assertThat(server.group(3)).isEqualTo(image.env().get("SERVER_PORT"));
      targets.add(server.group(2));
    }
    assertThat(targets).isEqualTo(new java.util.TreeSet<>(nodes.keySet()));
    assertThat(lines).contains("balance roundrobin");
    assertThat(lines)
        .as("no sticky sessions")
        .noneMatch(l -> l.matches("^(cookie|stick|stick-table|hash-type)\\b.*"))
        .noneMatch(l -> l.matches("^balance\\s+(source|uri|hdr|url_param|rdp-cookie).*"));
    assertThat(lines)
        .contains("http-check send meth GET uri " + ServerSettings.probePaths().get(1))
        .anyMatch(
            l ->
                l.startsWith("default-server ")
                    && l.contains(" check port " + image.env().get("MANAGEMENT_SERVER_PORT")));
    assertThat(lines)
        .as("the nodes learn who the client is and how it connected")
        .contains("option forwardfor")
        .anyMatch(l -> l.startsWith("http-request set-header X-Forwarded-Proto "))
        .anyMatch(l -> l.startsWith("http-request set-header X-Forwarded-Port "));
    assertThat(image.env()).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");

    Map<String, Object> dependsOn = map(balancer.get("depends_on"));
    assertThat(dependsOn.keySet()).containsAll(nodes.keySet());
    nodes
        .keySet()
        .forEach(
            n -> assertThat(map(dependsOn.get(n)).get("condition")).isEqualTo("service_healthy"));
    String bind = config.replaceAll("(?s).*\\n\\s*bind :(\\d+).*", "$1");
    assertThat(list(balancer.get("ports"))).contains(bind + ":" + bind);
  }

  private Map<String, Object> balancerService() {
    List<Map<String, Object>> balancers =
        services.values().stream()
            .map(DeployFiles::map)
            .filter(
                s ->
                    list(s.get("volumes")).stream()
                        .anyMatch(v -> v.toString().startsWith("./haproxy.cfg:")))
            .collect(Collectors.toList());
    assertThat(balancers).as("one service runs deploy/haproxy.cfg").hasSize(1);
    return balancers.get(0);
  }
}
