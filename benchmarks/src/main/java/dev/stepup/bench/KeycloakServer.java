package dev.stepup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}),
 * started in development mode with one realm whose client issues ES256 client-credentials tokens:
 * the yardstick for issuance.
 */
final class KeycloakServer implements AutoCloseable {

  static final String CLIENT_FORM =
      "grant_type=client_credentials&client_id=bench&client_secret=bench-secret-0123456789";

  private static final String REALM =
      """
      {"realm":"bench","enabled":true,"defaultSignatureAlgorithm":"ES256",
       "eventsEnabled":false,"adminEventsEnabled":false,
       "components":{"org.keycloak.keys.KeyProvider":[{"name":"ecdsa","providerId":"ecdsa-generated",
         "config":{"priority":["200"],"ecdsaEllipticCurveKey":["P-256"],"active":["true"],
         "enabled":["true"]}}]},
       "clients":[{"clientId":"bench","enabled":true,"publicClient":false,
         "secret":"bench-secret-0123456789","serviceAccountsEnabled":true,
         "standardFlowEnabled":false,"directAccessGrantsEnabled":false,
         "attributes":{"access.token.signed.response.alg":"ES256"}}]}
      """;

  private static final List<String> ISSUE_ARGS =
      List.of("", "application/x-www-form-urlencoded", CLIENT_FORM, "200");

  private final ServerProcess process;
  private final int port;

  private KeycloakServer(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static KeycloakServer start(Path home, Path javaHome, Path log) throws Exception {
    Path imports = Files.createDirectories(home.resolve("data/import"));
    Files.writeString(imports.resolve("bench-realm.json"), REALM);
    int port = ServerProcess.freePort();
    ServerProcess process =
        ServerProcess.start(
            "Keycloak",
            List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--import-realm",
                "--log-level=warn"),
            Map.of(
                "JAVA_HOME", javaHome.toString(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password"),
            log);
    KeycloakServer keycloak = new KeycloakServer(process, port);
    process.awaitReady(
        keycloak.base() + "/.well-known/openid-configuration", Duration.ofMinutes(4));
    return keycloak;
  }

  /**
   * Starts Keycloak and warms it up as the step-up server is warmed; {@code notes} gets the
   * warm-up's note. It then stays up, idle, beside the step-up servers, so that its issuance is
   * measured right after theirs ({@link #measureIssue}): on a shared machine that drifts, only runs
   * made back to back compare.
   */
  static KeycloakServer startWarmed(
      Path home, Path javaHome, Path log, Wrk warm, WarmUp warmUp, List<String> notes)
      throws Exception {
    KeycloakServer keycloak = start(home, javaHome, log);
    try {
      notes.add(
          warmUp.repeat(
              "Keycloak: issuance",
              keycloak.process::compilerCpu,
              () -> {
                for (int connections : new int[] {4, 16}) {
                  warm.run("warm-up", connections, keycloak.tokenUrl(), "post.lua", ISSUE_ARGS);
                }
                return null;
              }));
      return keycloak;
    } catch (Exception | Error failed) {
      keycloak.close();
      throw failed;
    }
  }

  /**
   * Measures client-credentials issuance at {@code connections}, as a row of {@code system}, once
   * Keycloak and the servers {@code besides} it (whose CPU time that is) are quiet.
   */
  void measureIssue(
      Wrk wrk, MeasuredRows rows, String system, int connections, Supplier<Duration> besides)
      throws Exception {
    rows.add(
        system,
        this::cpu,
        besides,
        "client credentials, ES256",
        () -> wrk.run("issue", connections, tokenUrl(), "post.lua", ISSUE_ARGS));
  }

  /**
   * Keycloak as the yardstick of {@code system}'s issuance: measured right after each of its runs,
   * once its servers ({@code systemCpu}) are quiet too.
   */
  Scenarios.Yardstick after(
      Wrk wrk, MeasuredRows rows, String system, Supplier<Duration> systemCpu) {
    return new Scenarios.Yardstick() {
      @Override
      public void issueAfter(int connections) throws Exception {
        measureIssue(wrk, rows, "Keycloak, after " + system + "'s run", connections, systemCpu);
      }

      @Override
      public Duration cpu() {
        return KeycloakServer.this.cpu();
      }
    };
  }

  String base() {
    return "http://127.0.0.1:" + port + "/realms/bench";
  }

  String tokenUrl() {
    return base() + "/protocol/openid-connect/token";
  }

  /** CPU time Keycloak has used so far (see {@link ServerProcess#cpu}). */
  Duration cpu() {
    return process.cpu();
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.close();
  }
}
