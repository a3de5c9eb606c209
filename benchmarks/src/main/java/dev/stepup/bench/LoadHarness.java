package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the server on a fresh store, loads it with wrk — issue (c4, c16), check (c16), consume by
 * introspection (c4), a protected action (c4) — measures the store's raw durable UPDATE rate and
 * its size per token, optionally Keycloak's client-credentials issuance beside it, and writes
 * {@code results.md} and {@code results.svg}. Options: {@code --server-jar}, {@code --out}, {@code
 * --duration} (seconds per run), {@code --stores h2,postgres}, {@code --keycloak-home}, {@code
 * --java-home-keycloak}, {@code --machine}, {@code --fill}, {@code --server-args} and {@code
 * --server-jvm-args} (e.g. a flight recording into {@code {out}}).
 */
public final class LoadHarness {

  static final String API_KEY = "sk_demo_bench_0123456789abcdefghij";

  private final Map<String, String> options;
  private final Path out;
  private final Wrk wrk;
  private final Duration duration;
  private final List<Report.Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private int port;

  private LoadHarness(Map<String, String> options) throws Exception {
    this.options = options;
    this.out = Files.createDirectories(Path.of(option("out", "target/bench")).toAbsolutePath());
    this.duration = Duration.ofSeconds(Long.parseLong(option("duration", "30")));
    this.wrk = new Wrk(out, duration);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new LoadHarness(options).run();
  }

  private void run() throws Exception {
    for (String store : option("stores", "h2").split(",")) {
      measure(store.strip().toLowerCase(Locale.ROOT));
    }
    if (options.containsKey("keycloak-home")) {
      measureKeycloak();
    }
    String machine = option("machine", Runtime.getRuntime().availableProcessors() + " cores");
    Report.write(out, machine, rows, notes);
    System.out.print(Report.markdown(machine, rows, notes));
    System.out.println("Written to " + out.resolve("results.md") + " and results.svg");
  }

  private void measure(String kind) throws Exception {
    Path dataDir = Files.createDirectories(out.resolve("data-" + kind));
    try (Store store = kind.equals("postgres") ? Store.postgres() : Store.h2(dataDir)) {
      long issued;
      try (ServerProcess server = startServer(store, dataDir)) {
        issued = load(store, server);
      }
      long bytes = store.bytes();
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: %,d tokens issued, store %,d bytes = %,.0f bytes per issued token",
              store.name(),
              issued,
              bytes,
              (double) bytes / Math.max(1, issued)));
      double raw =
          RawUpdateRate.measure(store.jdbcUrl(), store.user(), "", 4, Duration.ofSeconds(10));
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: raw durable single-row UPDATE rate, 4 clients, no server: %,.0f per second",
              store.name(),
              raw));
    }
  }

  private ServerProcess startServer(Store store, Path dataDir) throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>();
    command.addAll(List.of("java"));
    String jvm = option("server-jvm-args", "").strip();
    if (!jvm.isEmpty()) {
      command.addAll(List.of(jvm.replace("{out}", out.toString()).split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            Path.of(option("server-jar", "admin-console/target/admin-console-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath()
                .toString(),
            "--server.port=" + port,
            "--stepup.data-dir=" + dataDir));
    command.addAll(store.serverArguments());
    String extra = option("server-args", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.replace("{data}", dataDir.toString()).split("\\s+")));
    }
    ServerProcess server =
        ServerProcess.start(
            "step-up server (" + store.name() + ")",
            command,
            Map.of(
                "STEPUP_BOOTSTRAP_DEMO_API_KEY",
                API_KEY,
                "STEPUP_BOOTSTRAP_ADMIN_PASSWORD",
                "bench-admin-password"),
            out.resolve("server-" + store.name() + ".log"));
    this.port = port;
    return server.awaitReady(
        "http://127.0.0.1:" + port + "/actuator/health", Duration.ofMinutes(2));
  }

  /** Runs every scenario against a started server; answers the number of tokens it issued. */
  private long load(Store store, ServerProcess server) throws Exception {
    String base = "http://127.0.0.1:" + port + "/api/v1/environments/demo";
    StepUpApi api = new StepUpApi(base, API_KEY);
    StepUpApi.Subject subject = api.signedInUser("bench@example.com");
    // check weighs the session's live tokens; a user holding none stands for the usual case.
    StepUpApi.Subject checking = api.signedInUser("check@example.com");
    String apiKey = "Bearer " + API_KEY;
    String session = "Bearer " + subject.sessionToken();
    String checkSession = "Bearer " + checking.sessionToken();
    String issueBody =
        "{\"userId\":\""
            + subject.userId()
            + "\",\"sessionId\":\""
            + subject.sessionId()
            + "\",\"scopes\":[\"wallet:export\"]}";
    String tokens = out.resolve("tokens-" + store.name()).toString();
    String issueUrl = base + "/elevated-tokens";
    // Warm the JIT, caches and pools before anything is recorded.
    WrkResult warm =
        wrk.run(
            "warm-up",
            4,
            issueUrl,
            "post.lua",
            List.of(apiKey, "application/json", issueBody, "201"));
    long issued = warm.requests() - warm.errors();
    // --fill N: grow the store first, to measure a server that has issued N tokens already.
    long fill = Long.parseLong(option("fill", "0"));
    while (issued < fill) {
      WrkResult more =
          wrk.run(
              "fill",
              16,
              issueUrl,
              "post.lua",
              List.of(apiKey, "application/json", issueBody, "201"));
      issued += more.requests() - more.errors();
    }
    if (fill > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: runs measured after %,d tokens had been issued (--fill %,d)",
              store.name(),
              issued,
              fill));
    }
    String system = "step-up (" + store.name() + ")";
    for (int connections : runs("issue") || runs("consume") ? new int[] {4, 16} : new int[0]) {
      WrkResult issue =
          wrk.run(
              "issue",
              connections,
              issueUrl,
              "post.lua",
              List.of(apiKey, "application/json", issueBody, "201", tokens + "-c" + connections));
      issued += issue.requests() - issue.errors();
      rows.add(new Report.Row(system, issue, "POST /elevated-tokens"));
    }
    if (runs("floor")) {
      // The least any request costs here: the filter chain and dispatch around a cached answer.
      rows.add(
          new Report.Row(
              system,
              wrk.run(
                  "floor",
                  16,
                  "http://127.0.0.1:" + port + "/.well-known/jwks.json",
                  "get.lua",
                  List.of("200")),
              "GET /.well-known/jwks.json (floor)"));
    }
    if (runs("check")) {
      rows.add(
          new Report.Row(
              system,
              wrk.run(
                  "check",
                  16,
                  base + "/step-up/check",
                  "post.lua",
                  List.of(
                      checkSession, "application/json", "{\"scope\":\"wallet:export\"}", "200")),
              "POST /step-up/check"));
    }
    if (runs("consume")) {
      rows.add(
          new Report.Row(
              system,
              wrk.run(
                  "consume",
                  4,
                  base + "/elevated-tokens/introspect",
                  "spend.lua",
                  List.of("introspect", apiKey, tokens + "-c4," + tokens + "-c16", "2", "2")),
              "introspect consume=true"));
    }
    if (!runs("action")) {
      return issued;
    }
    // Tokens for the protected action, issued unrecorded: spending is faster than issuing.
    for (String stock : List.of("stock1", "stock2")) {
      WrkResult issue =
          wrk.run(
              stock,
              16,
              issueUrl,
              "post.lua",
              List.of(apiKey, "application/json", issueBody, "201", tokens + "-" + stock));
      issued += issue.requests() - issue.errors();
    }
    rows.add(
        new Report.Row(
            system,
            wrk.run(
                "protected action",
                4,
                base + "/wallets/" + subject.walletId() + "/export",
                "spend.lua",
                List.of("action", session, tokens + "-stock1," + tokens + "-stock2", "2", "2")),
            "POST /wallets/{id}/export"));
    return issued;
  }

  private void measureKeycloak() throws Exception {
    Path home = Path.of(options.get("keycloak-home"));
    Path javaHome = Path.of(option("java-home-keycloak", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    try (KeycloakServer keycloak =
        KeycloakServer.start(home, javaHome, out.resolve("keycloak.log"))) {
      List<String> args =
          List.of("", "application/x-www-form-urlencoded", KeycloakServer.CLIENT_FORM, "200");
      wrk.run("warm-up", 4, keycloak.tokenUrl(), "post.lua", args);
      for (int connections : new int[] {4, 16}) {
        rows.add(
            new Report.Row(
                "Keycloak",
                wrk.run("issue", connections, keycloak.tokenUrl(), "post.lua", args),
                "client credentials, ES256"));
      }
    }
  }

  /** {@code --only issue,check}: run just those scenarios (consume and action issue their own). */
  private boolean runs(String scenario) {
    String only = option("only", "").strip();
    return only.isEmpty() || List.of(only.split(",")).contains(scenario);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }
}
