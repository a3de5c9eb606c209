package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Starts the server on a fresh store, loads it with wrk — issue (c4, c16), check (c16), consume by
 * introspection (c4), a protected action (c4) — measures the store's raw durable UPDATE rate and
 * its size per token, optionally Keycloak's client-credentials issuance (started and warmed first,
 * then measured right after each of the server's issuance runs), and writes {@code results.md} and
 * {@code results.svg}. Options: {@code --server-jar}, {@code --out}, {@code --duration} (seconds
 * per run), {@code --stores h2,postgres}, {@code --keycloak-home}, {@code --java-home-keycloak},
 * {@code --machine}, {@code --fill}, {@code --server-args} and {@code --server-jvm-args} (e.g. a
 * flight recording into {@code {out}}) and {@code --warm-up} (seconds each warm-up round lasts, 30
 * by default; issuance and check repeat their rounds until the JIT falls quiet, at most {@code
 * --warm-up-limit} seconds, 600 by default).
 */
public final class LoadHarness {

  static final String API_KEY = "sk_demo_bench_0123456789abcdefghij";

  private final Options options;
  private final Path out;
  private final Wrk wrk;
  private final Wrk warm;
  private final WarmUp warmUp;
  private final MeasuredRows rows = new MeasuredRows();
  private final List<String> notes = new ArrayList<>();
  private final Scenarios scenarios;

  private LoadHarness(Options options) throws Exception {
    this.options = options;
    this.out = Files.createDirectories(Path.of(option("out", "target/bench")).toAbsolutePath());
    this.wrk = new Wrk(out, Duration.ofSeconds(Long.parseLong(option("duration", "30"))));
    // On two cores the JIT compiles for minutes: a short warm-up bills compilation to the runs.
    this.warm = new Wrk(out, Duration.ofSeconds(Long.parseLong(option("warm-up", "30"))));
    this.warmUp = new WarmUp(Duration.ofSeconds(Long.parseLong(option("warm-up-limit", "600"))));
    this.scenarios =
        new Scenarios(
            out,
            wrk,
            warm,
            warmUp,
            rows,
            notes,
            option("only", ""),
            Long.parseLong(option("fill", "0")));
  }

  public static void main(String[] args) throws Exception {
    new LoadHarness(new Options(args)).run();
  }

  private void run() throws Exception {
    try (KeycloakServer keycloak = keycloak()) {
      measureAll(keycloak);
    }
    String machine = option("machine", Runtime.getRuntime().availableProcessors() + " cores");
    Report.write(out, machine, rows.list(), notes);
    System.out.print(Report.markdown(machine, rows.list(), notes));
    System.out.println("Written to " + out.resolve("results.md") + " and results.svg");
  }

  /**
   * Keycloak started and warmed, if {@code --keycloak-home} names it and issuance is among the runs
   * (its only yardstick); else null.
   */
  private KeycloakServer keycloak() throws Exception {
    if (!options.has("keycloak-home") || !scenarios.runs("issue")) {
      return null;
    }
    return KeycloakServer.startWarmed(
        Path.of(option("keycloak-home", "")),
        Path.of(option("java-home-keycloak", "/usr/lib/jvm/temurin-25-jdk-amd64")),
        out.resolve("keycloak.log"),
        warm,
        warmUp,
        notes);
  }

  /**
   * Every store's scenarios; each issuance run of a store is followed at once by Keycloak's at the
   * same connections, and with no store ({@code --stores none}) Keycloak is measured alone.
   */
  private void measureAll(KeycloakServer keycloak) throws Exception {
    boolean measured = false;
    for (String store : option("stores", "h2").split(",")) {
      String kind = store.strip().toLowerCase(Locale.ROOT);
      if (kind.equals("none")) {
        continue; // --stores none: Keycloak alone
      }
      // H2 is one process's file; PostgreSQL may serve several nodes (--nodes 1,2).
      for (String nodes :
          kind.equals("postgres") ? option("nodes", "1").split(",") : new String[] {"1"}) {
        measure(kind, Integer.parseInt(nodes.strip()), keycloak);
        measured = true;
      }
    }
    if (keycloak != null && !measured) {
      for (int connections : new int[] {4, 16}) {
        keycloak.measureIssue(wrk, rows, "Keycloak", connections, () -> Duration.ZERO);
      }
    }
  }

  private void measure(String kind, int nodeCount, KeycloakServer keycloak) throws Exception {
    Path dataDir = Files.createDirectories(out.resolve("data-" + kind));
    try (Store store = kind.equals("postgres") ? Store.postgres() : Store.h2(dataDir)) {
      String system =
          "step-up (" + store.name() + (nodeCount > 1 ? ", " + nodeCount + " nodes" : "") + ")";
      long issued;
      try (ServerNodes nodes = startServers(store, nodeCount, dataDir)) {
        Scenarios.Yardstick yardstick =
            keycloak == null
                ? Scenarios.Yardstick.NONE
                : keycloak.after(wrk, rows, system, nodes::cpu);
        issued = scenarios.load(nodes, system, yardstick);
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
    return startServers(
        options,
        out,
        store,
        count,
        node -> node == 1 ? dataDir : out.resolve(dataDir.getFileName() + "-node" + node));
  }

  /**
   * Starts {@code count} servers on {@code store} with the demo environment's API key set to {@link
   * #API_KEY}, the jar, JVM and server arguments given by {@code --server-jar}, {@code
   * --server-jvm-args} and {@code --server-args}.
   */
  static ServerNodes startServers(
      Options options, Path out, Store store, int count, IntFunction<Path> dataDirs)
      throws Exception {
    String jvm = options.get("server-jvm-args", "").strip();
    return ServerNodes.start(
        count,
        store,
        dataDirs,
        out,
        Path.of(options.get("server-jar", "admin-console/target/admin-console-0.1.0-SNAPSHOT.jar")),
        jvm.isEmpty() ? List.of() : List.of(jvm.replace("{out}", out.toString()).split("\\s+")),
        options.get("server-args", "").strip(),
        Map.of(
            "STEPUP_BOOTSTRAP_DEMO_API_KEY",
            API_KEY,
            "STEPUP_BOOTSTRAP_ADMIN_PASSWORD",
            "bench-admin-password"));
  }

  private String option(String name, String fallback) {
    return options.get(name, fallback);
  }
}
