package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How far issuance and spending could go on this machine with the server's store and signer,
 * whatever web stack stood in front of them. Issuance: {@link BareTokenServer} (the product's
 * issuance core behind the JDK's HTTP server) and the full server, each followed at once by
 * Keycloak's client-credentials issuance at the same connections (4, then 16), all warmed until
 * their JIT falls quiet. Spending: a consuming introspection on the bare server at 4 connections,
 * and the raw durable UPDATE rate of its H2 file once it has stopped. Writes {@code results.md} and
 * {@code results.svg} as the harness does. Options as {@link LoadHarness}: {@code --server-jar},
 * {@code --keycloak-home}, {@code --java-home-keycloak}, {@code --out}, {@code --duration}, {@code
 * --warm-up}, {@code --warm-up-limit}, {@code --machine}; {@code --threads} (the bare server's
 * workers, 32).
 */
public final class TokenCoreCeiling {

  private static final String PATH = "/api/v1/environments/demo/elevated-tokens";

  /** One of the two issuers measured against Keycloak. */
  private record Issuer(
      String system,
      String note,
      String url,
      List<String> args,
      Supplier<Duration> cpu,
      Supplier<Duration> compilerCpu) {}

  private TokenCoreCeiling() {}

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    if (!options.has("keycloak-home")) {
      throw new IllegalArgumentException("--keycloak-home names Keycloak 26.7.3, the yardstick");
    }
    Path out =
        Files.createDirectories(Path.of(options.get("out", "target/ceiling")).toAbsolutePath());
    Wrk wrk = new Wrk(out, Duration.ofSeconds(Long.parseLong(options.get("duration", "30"))));
    Wrk warm = new Wrk(out, Duration.ofSeconds(Long.parseLong(options.get("warm-up", "30"))));
    WarmUp warmUp =
        new WarmUp(Duration.ofSeconds(Long.parseLong(options.get("warm-up-limit", "600"))));
    MeasuredRows rows = new MeasuredRows();
    List<String> notes = new ArrayList<>();
    int barePort = ServerProcess.freePort();
    String bareBase = "http://127.0.0.1:" + barePort;
    try (KeycloakServer keycloak =
            KeycloakServer.startWarmed(
                Path.of(options.get("keycloak-home", "")),
                Path.of(options.get("java-home-keycloak", "/usr/lib/jvm/temurin-25-jdk-amd64")),
                out.resolve("keycloak.log"),
                warm,
                warmUp,
                notes);
        ServerProcess bare =
            startBare(out, barePort, Integer.parseInt(options.get("threads", "32")));
        ServerNodes server =
            LoadHarness.startServers(
                options,
                out,
                Store.h2(out.resolve("data-h2")),
                1,
                node -> out.resolve("data-h2"))) {
      String body =
          new StepUpApi(server.urls("/api/v1/environments/demo").get(0), LoadHarness.API_KEY)
              .signedInUser("bench@example.com")
              .issueBody();
      // The bare server reads the same body and ignores it: it issues to one fixed user.
      Issuer bareIssuer =
          new Issuer(
              "issuance core behind the JDK's HTTP server",
              "TokenMint, H2 file, no web stack",
              bareBase + PATH,
              List.of("", "application/json", body, "201"),
              bare::cpu,
              bare::compilerCpu);
      Issuer serverIssuer =
          new Issuer(
              "step-up (H2)",
              "POST " + PATH,
              server.urls(PATH).get(0),
              List.of("Bearer " + LoadHarness.API_KEY, "application/json", body, "201"),
              server::cpu,
              server::compilerCpu);
      List<Issuer> issuers = List.of(bareIssuer, serverIssuer);
      for (Issuer issuer : issuers) {
        notes.add(
            warmUp.repeat(
                issuer.system() + ": issuance",
                issuer.compilerCpu(),
                () -> {
                  for (int connections : new int[] {4, 16}) {
                    warm.run("warm-up", connections, issuer.url(), "post.lua", issuer.args());
                  }
                  return null;
                }));
      }
      for (int connections : new int[] {4, 16}) {
        for (Issuer issuer : issuers) {
          Issuer other = issuer == bareIssuer ? serverIssuer : bareIssuer;
          int c = connections;
          rows.add(
              issuer.system(),
              issuer.cpu(),
              () -> other.cpu().get().plus(keycloak.cpu()),
              issuer.note(),
              () -> wrk.run("issue", c, issuer.url(), "post.lua", issuer.args()));
          keycloak.measureIssue(
              wrk, rows, "Keycloak, after " + issuer.system(), connections, issuer.cpu());
        }
      }
      spendOnBare(out, wrk, warm, rows, bareIssuer, bareBase + "/spend");
    }
    double raw =
        RawUpdateRate.measure(
            Store.h2(out.resolve("data-bare")).jdbcUrl(), "stepup", "", 4, Duration.ofSeconds(10));
    notes.add(
        String.format(
            Locale.ROOT,
            "bare server's H2 file: raw durable single-row UPDATE rate, 4 clients: %,.0f per second",
            raw));
    String machine = options.get("machine", Runtime.getRuntime().availableProcessors() + " cores");
    Report.write(out, machine, rows.list(), notes);
    System.out.print(Report.markdown(machine, rows.list(), notes));
  }

  /**
   * Consuming introspection on the bare server at 4 connections, of tokens it issued just before
   * (as the harness spends them): warmed with one set, measured on two more.
   */
  private static void spendOnBare(
      Path out, Wrk wrk, Wrk warm, MeasuredRows rows, Issuer bare, String spendUrl)
      throws Exception {
    String tokens = out.resolve("tokens-bare").toString();
    for (String set : List.of("spend0", "spend1", "spend2")) {
      String file = tokens + "-" + set;
      wrk.runOn(
          "stock",
          16,
          List.of(bare.url()),
          "post.lua",
          node -> TokenFiles.withFile(bare.args(), file, node));
    }
    List<String> urls = List.of(spendUrl);
    TokenFiles.spend(warm, "warm-up", urls, "introspect", "", tokens + "-spend0", tokens + "-none");
    rows.add(
        bare.system(),
        bare.cpu(),
        "IntrospectElevatedTokenService, consume=true",
        () ->
            TokenFiles.spend(
                wrk, "consume", urls, "introspect", "", tokens + "-spend1", tokens + "-spend2"));
  }

  private static ServerProcess startBare(Path out, int port, int threads) throws Exception {
    Path data = Files.createDirectories(out.resolve("data-bare"));
    ServerProcess bare =
        ServerProcess.start(
            "bare issuance",
            List.of(
                "java",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                Path.of(
                        TokenCoreCeiling.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString(),
                BareTokenServer.class.getName(),
                String.valueOf(port),
                data.toString(),
                String.valueOf(threads)),
            Map.of(),
            out.resolve("bare.log"));
    try {
      return bare.awaitReady("http://127.0.0.1:" + port + "/", Duration.ofMinutes(1));
    } catch (Exception | Error failed) {
      bare.close();
      throw failed;
    }
  }
}
