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
 * --server-jvm-args} (e.g. a flight recording into {@code {out}}) and {@code --warm-up} (seconds
 * each path is warmed before its first measured run, 30 by default).
 */
public final class LoadHarness {

  static final String API_KEY = "sk_demo_bench_0123456789abcdefghij";

  private final Map<String, String> options;
  private final Path out;
  private final Wrk wrk;
  private final Wrk warm;
  private final Duration duration;
  private final MeasuredRows rows = new MeasuredRows();
  private final List<String> notes = new ArrayList<>();

  private LoadHarness(Map<String, String> options) throws Exception {
    this.options = options;
    this.out = Files.createDirectories(Path.of(option("out", "target/bench")).toAbsolutePath());
    this.duration = Duration.ofSeconds(Long.parseLong(option("duration", "30")));
    this.wrk = new Wrk(out, duration);
    // On two cores the JIT compiles for minutes: a short warm-up bills compilation to the runs.
    this.warm = new Wrk(out, Duration.ofSeconds(Long.parseLong(option("warm-up", "30"))));
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
      String kind = store.strip().toLowerCase(Locale.ROOT);
      // H2 is one process's file; PostgreSQL may serve several nodes (--nodes 1,2).
      for (String nodes :
          kind.equals("postgres") ? option("nodes", "1").split(",") : new String[] {"1"}) {
        measure(kind, Integer.parseInt(nodes.strip()));
      }
    }
    if (options.containsKey("keycloak-home")) {
      KeycloakServer.measure(
          Path.of(options.get("keycloak-home")),
          Path.of(option("java-home-keycloak", "/usr/lib/jvm/temurin-25-jdk-amd64")),
          out.resolve("keycloak.log"),
          wrk,
          warm,
          rows);
    }
    String machine = option("machine", Runtime.getRuntime().availableProcessors() + " cores");
    Report.write(out, machine, rows.list(), notes);
    System.out.print(Report.markdown(machine, rows.list(), notes));
    System.out.println("Written to " + out.resolve("results.md") + " and results.svg");
  }

  private void measure(String kind, int nodeCount) throws Exception {
    Path dataDir = Files.createDirectories(out.resolve("data-" + kind));
    try (Store store = kind.equals("postgres") ? Store.postgres() : Store.h2(dataDir)) {
      String system =
          "step-up (" + store.name() + (nodeCount > 1 ? ", " + nodeCount + " nodes" : "") + ")";
      long issued;
      try (ServerNodes nodes = startServers(store, nodeCount, dataDir)) {
        issued = load(store, nodes, system);
      }
      long bytes = store.bytes();
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: %,d tokens issued, store %,d bytes = %,.0f bytes per issued token",
              system,
              issued,
              bytes,
              (double) bytes / Math.max(1, issued)));
      if (nodeCount > 1) {
        return; // the store's raw rate does not depend on the nodes in front of it
      }
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

  private ServerNodes startServers(Store store, int count, Path dataDir) throws Exception {
    String jvm = option("server-jvm-args", "").strip();
    return ServerNodes.start(
        count,
        store,
        node -> node == 1 ? dataDir : out.resolve(dataDir.getFileName() + "-node" + node),
        out,
        Path.of(option("server-jar", "admin-console/target/admin-console-0.1.0-SNAPSHOT.jar")),
        jvm.isEmpty() ? List.of() : List.of(jvm.replace("{out}", out.toString()).split("\\s+")),
        option("server-args", "").strip(),
        Map.of(
            "STEPUP_BOOTSTRAP_DEMO_API_KEY",
            API_KEY,
            "STEPUP_BOOTSTRAP_ADMIN_PASSWORD",
            "bench-admin-password"));
  }

  /**
   * Runs every scenario against started nodes, each run's connections shared among them; answers
   * the number of tokens it issued.
   */
  private long load(Store store, ServerNodes nodes, String system) throws Exception {
    String path = "/api/v1/environments/demo";
    StepUpApi api = new StepUpApi(nodes.urls(path).get(0), API_KEY);
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
    String tokens = out.resolve("tokens-" + system.replaceAll("[^A-Za-z0-9]+", "-")).toString();
    List<String> issueUrls = nodes.urls(path + "/elevated-tokens");
    List<String> issueArgs = List.of(apiKey, "application/json", issueBody, "201");
    // Warm every path before anything is recorded: on two cores the JIT compiles for minutes, and
    // a path first met in its measured run would pay for its own compilation there.
    long issued = 0;
    for (int connections : new int[] {4, 16}) {
      String file = tokens + "-warm" + connections;
      WrkResult warmed =
          warm.runOn(
              "warm-up",
              connections,
              issueUrls,
              "post.lua",
              n -> TokenFiles.withFile(issueArgs, file, n));
      issued += warmed.requests() - warmed.errors();
    }
    // --fill N: grow the store first, to measure a server that has issued N tokens already.
    long fill = Long.parseLong(option("fill", "0"));
    while (issued < fill) {
      WrkResult more = wrk.runOn("fill", 16, issueUrls, "post.lua", node -> issueArgs);
      issued += more.requests() - more.errors();
    }
    if (fill > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: runs measured after %,d tokens had been issued (--fill %,d)",
              system,
              issued,
              fill));
    }
    for (int connections : runs("issue") || runs("consume") ? new int[] {4, 16} : new int[0]) {
      String file = tokens + "-c" + connections;
      WrkResult issue =
          rows.add(
              system,
              nodes::cpu,
              "POST /elevated-tokens",
              () ->
                  wrk.runOn(
                      "issue",
                      connections,
                      issueUrls,
                      "post.lua",
                      node -> TokenFiles.withFile(issueArgs, file, node)));
      issued += issue.requests() - issue.errors();
    }
    if (runs("floor")) {
      wrk.runOn(
          "warm-up", 16, nodes.urls("/.well-known/jwks.json"), "get.lua", n -> List.of("200"));
      // The least any request costs here: the filter chain and dispatch around a cached answer.
      rows.add(
          system,
          nodes::cpu,
          "GET /.well-known/jwks.json (floor)",
          () ->
              wrk.runOn(
                  "floor",
                  16,
                  nodes.urls("/.well-known/jwks.json"),
                  "get.lua",
                  node -> List.of("200")));
    }
    if (runs("check")) {
      List<String> args =
          List.of(checkSession, "application/json", "{\"scope\":\"wallet:export\"}", "200");
      warm.runOn("warm-up", 16, nodes.urls(path + "/step-up/check"), "post.lua", n -> args);
      rows.add(
          system,
          nodes::cpu,
          "POST /step-up/check",
          () ->
              wrk.runOn(
                  "check", 16, nodes.urls(path + "/step-up/check"), "post.lua", node -> args));
    }
    if (runs("consume")) {
      TokenFiles.spend(
          warm,
          "warm-up",
          nodes,
          path + "/elevated-tokens/introspect",
          "introspect",
          apiKey,
          tokens + "-warm4",
          tokens + "-warm16");
      rows.add(
          system,
          nodes::cpu,
          "introspect consume=true",
          () ->
              TokenFiles.spend(
                  wrk,
                  "consume",
                  nodes,
                  path + "/elevated-tokens/introspect",
                  "introspect",
                  apiKey,
                  tokens + "-c4",
                  tokens + "-c16"));
    }
    if (!runs("action")) {
      return issued;
    }
    // Tokens for the protected action, issued unrecorded: spending is faster than issuing.
    for (String stock : List.of("stock0", "stock1", "stock2")) {
      String file = tokens + "-" + stock;
      WrkResult issue =
          wrk.runOn(
              "stock",
              16,
              issueUrls,
              "post.lua",
              node -> TokenFiles.withFile(issueArgs, file, node));
      issued += issue.requests() - issue.errors();
    }
    String action = path + "/wallets/" + subject.walletId() + "/export";
    TokenFiles.spend(
        warm, "warm-up", nodes, action, "action", session, tokens + "-stock0", tokens + "-none");
    rows.add(
        system,
        nodes::cpu,
        "POST /wallets/{id}/export",
        () ->
            TokenFiles.spend(
                wrk,
                "protected action",
                nodes,
                action,
                "action",
                session,
                tokens + "-stock1",
                tokens + "-stock2"));
    return issued;
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
