package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far issuance and spending could go on this machine with the server's store and signer,
 * whatever web stack stood in front of them. Issuance: {@link BareIssuance} (the product's issuance
 * core behind the JDK's HTTP server) and the full server, each followed at once by Keycloak's
 * client-credentials issuance at the same connections (4, then 16), all warmed until their JIT
 * falls quiet. Spending: a consuming introspection on the bare server at 4 connections, and the raw
 * durable UPDATE rate of its H2 file once it has stopped. Writes {@code results.md} and {@code
 * results.svg} as the harness does. Options as {@link LoadHarness}: {@code --server-jar}, {@code
 * --keycloak-home}, {@code --java-home-keycloak}, {@code --out}, {@code --duration}, {@code
 * --warm-up}, {@code --warm-up-limit}, {@code --machine}; {@code --threads} (the bare server's
 * workers, 32).
 */
public final class IssuanceCeiling {

  private static final String PATH = "/api/v1/environments/demo/elevated-tokens";

  /** Where the bare server listens. */
  private record Bare(int port) {
    String url() {
      return "http://127.0.0.1:" + port + PATH;
    }
  }

  private IssuanceCeiling() {}

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
    Bare bareAt = new Bare(ServerProcess.freePort());
    try (KeycloakServer keycloak =
            KeycloakServer.startWarmed(
                Path.of(options.get("keycloak-home", "")),
                Path.of(options.get("java-home-keycloak", "/usr/lib/jvm/temurin-25-jdk-amd64")),
                out.resolve("keycloak.log"),
                warm,
                warmUp,
                notes);
        ServerProcess bare =
            startBare(out, bareAt.port(), Integer.parseInt(options.get("threads", "32")));
        ServerNodes server =
            LoadHarness.startServers(
                options,
                out,
                Store.h2(out.resolve("data-h2")),
                1,
                node -> out.resolve("data-h2"))) {
      String serverUrl = server.urls(PATH).get(0);
      String body =
          new StepUpApi(server.urls("/api/v1/environments/demo").get(0), LoadHarness.API_KEY)
              .signedInUser("bench@example.com")
              .issueBody();
      // The bare server reads the same body and ignores it: it issues to one fixed user.
      List<String> bareArgs = List.of("", "application/json", body, "201");
      List<String> serverArgs =
          List.of("Bearer " + LoadHarness.API_KEY, "application/json", body, "201");
      for (String[] target :
          List.of(new String[] {"bare", bareAt.url()}, new String[] {"server", serverUrl})) {
        boolean isBare = target[0].equals("bare");
        notes.add(
            warmUp.repeat(
                target[0] + ": issuance",
                isBare ? bare::compilerCpu : server::compilerCpu,
                () -> {
                  for (int connections : new int[] {4, 16}) {
                    warm.run(
                        "warm-up",
                        connections,
                        target[1],
                        "post.lua",
                        isBare ? bareArgs : serverArgs);
                  }
                  return null;
                }));
      }
      for (int connections : new int[] {4, 16}) {
        rows.add(
            "issuance core behind the JDK's HTTP server",
            bare::cpu,
            () -> server.cpu().plus(keycloak.cpu()),
            "TokenMint, H2 file, no web stack",
            () -> wrk.run("issue", connections, bareAt.url(), "post.lua", bareArgs));
        keycloak.measureIssue(
            wrk, rows, "Keycloak, after the bare run", connections, () -> bare.cpu());
        rows.add(
            "step-up (H2)",
            server::cpu,
            () -> bare.cpu().plus(keycloak.cpu()),
            "POST " + PATH,
            () -> wrk.run("issue", connections, serverUrl, "post.lua", serverArgs));
        keycloak.measureIssue(
            wrk, rows, "Keycloak, after the server's run", connections, server::cpu);
      }
      spendOnBare(out, wrk, warm, rows, bare, bareAt, bareArgs);
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
      Path out,
      Wrk wrk,
      Wrk warm,
      MeasuredRows rows,
      ServerProcess bare,
      Bare at,
      List<String> issueArgs)
      throws Exception {
    String prefix = out.resolve("tokens-bare").toString();
    for (String set : List.of("spend0", "spend1", "spend2")) {
      List<String> args = new ArrayList<>(issueArgs);
      args.add(prefix + "-" + set);
      wrk.run("stock", 16, at.url(), "post.lua", args);
    }
    String files = String.valueOf(Wrk.threads(16));
    String threads = String.valueOf(Wrk.threads(4));
    String spendUrl = "http://127.0.0.1:" + at.port() + "/spend";
    warm.run(
        "warm-up",
        4,
        spendUrl,
        "spend.lua",
        List.of("introspect", "", prefix + "-spend0", files, threads));
    rows.add(
        "issuance core behind the JDK's HTTP server",
        bare::cpu,
        "IntrospectElevatedTokenService, consume=true",
        () ->
            wrk.run(
                "consume",
                4,
                spendUrl,
                "spend.lua",
                List.of(
                    "introspect", "", prefix + "-spend1," + prefix + "-spend2", files, threads)));
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
                        IssuanceCeiling.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString(),
                BareIssuance.class.getName(),
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
