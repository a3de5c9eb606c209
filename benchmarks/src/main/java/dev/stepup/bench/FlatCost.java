package dev.stepup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does issuance cost the same after {@code --fill} tokens as on a fresh store, and how much file
 * does a token hold? Starts two servers on H2 stores of their own, warms both, fills one with
 * {@code --fill} tokens (200,000 by default), then measures issuance at 4 connections on both in
 * {@code --blocks} blocks of four runs, fresh-filled-filled-fresh: on a machine whose speed drifts
 * within minutes, only runs this close together compare. Writes {@code flat-cost.md}: every run,
 * the ratio of the summed rates, and each store's bytes per issued and per stored token with H2's
 * own fill figures. Options as {@link LoadHarness}: {@code --server-jar}, {@code --out}, {@code
 * --duration} (seconds per run, 10), {@code --warm-up}, {@code --warm-up-limit}, {@code --machine},
 * {@code --server-args}.
 */
public final class FlatCost {

  private record Node(String label, Path dataDir, ServerNodes server, List<String> issueArgs) {

    String url() {
      return server.urls("/api/v1/environments/demo/elevated-tokens").get(0);
    }
  }

  private final Map<String, String> options;
  private final Path out;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, Long> issued = new HashMap<>();
  private final Map<String, Double> rates = new HashMap<>();

  private FlatCost(Map<String, String> options) throws Exception {
    this.options = options;
    this.out = Files.createDirectories(Path.of(option("out", "target/flat-cost")));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new FlatCost(options).run();
  }

  private void run() throws Exception {
    long fill = Long.parseLong(option("fill", "200000"));
    int blocks = Integer.parseInt(option("blocks", "4"));
    Wrk wrk = new Wrk(out, Duration.ofSeconds(Long.parseLong(option("duration", "10"))));
    Wrk warm = new Wrk(out, Duration.ofSeconds(Long.parseLong(option("warm-up", "30"))));
    WarmUp warmUp = new WarmUp(Duration.ofSeconds(Long.parseLong(option("warm-up-limit", "300"))));
    List<String> notes = new ArrayList<>();
    Node fresh = start("fresh");
    Node filled = start("filled");
    try {
      for (Node node : List.of(fresh, filled)) {
        notes.add(
            warmUp.repeat(
                node.label() + ": issuance",
                node.server()::compilerCpu,
                () ->
                    count(node, warm.run("warm-up", 4, node.url(), "post.lua", node.issueArgs()))));
      }
      while (issued.getOrDefault(filled.label(), 0L) < fill) {
        count(filled, wrk.run("fill", 16, filled.url(), "post.lua", filled.issueArgs()));
      }
      lines.add("| block | store | tokens before | req/s | p99 ms | errors |");
      lines.add("| ---: | --- | ---: | ---: | ---: | ---: |");
      for (int block = 1; block <= blocks; block++) {
        for (Node node : List.of(fresh, filled, filled, fresh)) {
          long before = issued.getOrDefault(node.label(), 0L);
          WrkResult result = wrk.run("issue", 4, node.url(), "post.lua", node.issueArgs());
          count(node, result);
          rates.merge(node.label(), result.requestsPerSecond(), Double::sum);
          lines.add(
              String.format(
                  Locale.ROOT,
                  "| %d | %s | %,d | %,.0f | %.1f | %d |",
                  block,
                  node.label(),
                  before,
                  result.requestsPerSecond(),
                  result.p99Millis(),
                  result.errors()));
        }
      }
    } finally {
      fresh.server().close();
      filled.server().close();
    }
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Filled against fresh, summed over the blocks: %,.0f against %,.0f req/s = %.3f",
            rates.get(filled.label()),
            rates.get(fresh.label()),
            rates.get(filled.label()) / rates.get(fresh.label())));
    lines.add("");
    for (Node node : List.of(fresh, filled)) {
      lines.add("- " + size(node));
    }
    notes.forEach(note -> lines.add("- " + note));
    String report = "Machine: " + option("machine", "?") + "\n\n" + String.join("\n", lines) + "\n";
    Files.writeString(out.resolve("flat-cost.md"), report);
    System.out.print(report);
  }

  private Node start(String label) throws Exception {
    Path dataDir = Files.createDirectories(out.resolve("data-" + label));
    ServerNodes server =
        ServerNodes.start(
            1,
            Store.h2(dataDir),
            n -> dataDir,
            out,
            Path.of(option("server-jar", "admin-console/target/admin-console-0.1.0-SNAPSHOT.jar")),
            List.of(),
            option("server-args", "").strip(),
            Map.of(
                "STEPUP_BOOTSTRAP_DEMO_API_KEY",
                LoadHarness.API_KEY,
                "STEPUP_BOOTSTRAP_ADMIN_PASSWORD",
                "bench-admin-password"));
    String base = server.urls("/api/v1/environments/demo").get(0);
    StepUpApi.Subject subject =
        new StepUpApi(base, LoadHarness.API_KEY).signedInUser("bench@example.com");
    String body =
        "{\"userId\":\""
            + subject.userId()
            + "\",\"sessionId\":\""
            + subject.sessionId()
            + "\",\"scopes\":[\"wallet:export\"]}";
    return new Node(
        label,
        dataDir,
        server,
        List.of("Bearer " + LoadHarness.API_KEY, "application/json", body, "201"));
  }

  private Void count(Node node, WrkResult result) {
    issued.merge(node.label(), result.requests() - result.errors(), Long::sum);
    return null;
  }

  /** The store's file against its tokens, read with the server stopped. */
  private String size(Node node) throws Exception {
    Store store = Store.h2(node.dataDir());
    long bytes = store.bytes();
    long tokens = issued.get(node.label());
    try (Connection connection = DriverManager.getConnection(store.jdbcUrl(), store.user(), "");
        Statement statement = connection.createStatement()) {
      long stored = single(statement, "SELECT COUNT(*) FROM elevated_tokens");
      long audit =
          single(
              statement,
              "SELECT (SELECT COUNT(*) FROM audit_events) + COUNT(*) FROM audit_pending");
      Map<String, String> info = new HashMap<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                  + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
        while (rows.next()) {
          info.put(rows.getString(1), rows.getString(2));
        }
      }
      return String.format(
          Locale.ROOT,
          "%s: %,d tokens issued, %,d token rows and %,d audit records stored, file %,d bytes ="
              + " %,.0f bytes per issued token, %,.0f per stored token; H2 fill rate %s %%, chunks"
              + " %s %% live",
          node.label(),
          tokens,
          stored,
          audit,
          bytes,
          (double) bytes / Math.max(1, tokens),
          (double) bytes / Math.max(1, stored),
          info.get("info.FILL_RATE"),
          info.get("info.CHUNKS_FILL_RATE"));
    }
  }

  private static long single(Statement statement, String sql) throws Exception {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }
}
