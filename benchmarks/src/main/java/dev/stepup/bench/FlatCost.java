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
 * does a token hold? Starts two servers on H2 stores of their own, warms both, fills one until it
 * has issued {@code --fill} tokens (200,000 by default, its warm-up included), then measures
 * issuance at 4 connections on both in {@code --blocks} blocks of four runs,
 * fresh-filled-filled-fresh: on a machine whose speed drifts within minutes, only runs this close
 * together compare. Writes {@code flat-cost.md}: every run, the ratio of the summed rates, and each
 * store's bytes per issued and per stored token with H2's own fill figures. {@code --users} (1)
 * spreads issuance over that many signed-in users, each request one of them at random, as a
 * deployment with many users would. Options as {@link LoadHarness}: {@code --server-jar}, {@code
 * --out}, {@code --duration} (seconds per run, 10), {@code --warm-up}, {@code --warm-up-limit},
 * {@code --machine}, {@code --server-args}.
 */
public final class FlatCost {

  /** One of the two servers, and what it has issued and measured so far. */
  private static final class Node {
    final String label;
    final Path dataDir;
    final ServerNodes server;
    final String script;
    final List<String> issueArgs;
    long issued;
    double measuredRates;

    Node(String label, Path dataDir, ServerNodes server, String script, List<String> issueArgs) {
      this.label = label;
      this.dataDir = dataDir;
      this.server = server;
      this.script = script;
      this.issueArgs = issueArgs;
    }

    WrkResult issue(Wrk wrk, String scenario, int connections) throws Exception {
      WrkResult result =
          wrk.run(
              scenario,
              connections,
              server.urls("/api/v1/environments/demo/elevated-tokens").get(0),
              script,
              issueArgs);
      issued += result.requests() - result.errors();
      return result;
    }
  }

  /** The filled store's file after a fill run. */
  private record FileSize(long tokens, long bytes) {}

  private static final String JSON = "application/json";

  private final Options options;
  private final Path out;
  private final List<String> lines = new ArrayList<>();

  private FlatCost(Options options) throws Exception {
    this.options = options;
    this.out = Files.createDirectories(Path.of(option("out", "target/flat-cost")).toAbsolutePath());
  }

  public static void main(String[] args) throws Exception {
    new FlatCost(new Options(args)).run();
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
                node.label + ": issuance",
                node.server::compilerCpu,
                () -> node.issue(warm, "warm-up", 4)));
      }
      List<FileSize> growth = new ArrayList<>();
      while (filled.issued < fill) {
        filled.issue(wrk, "fill", 16);
        growth.add(new FileSize(filled.issued, Store.h2(filled.dataDir).bytes()));
      }
      reportGrowth(growth);
      lines.add("| block | store | tokens before | req/s | p99 ms | errors |");
      lines.add("| ---: | --- | ---: | ---: | ---: | ---: |");
      for (int block = 1; block <= blocks; block++) {
        for (Node node : List.of(fresh, filled, filled, fresh)) {
          long before = node.issued;
          WrkResult result = node.issue(wrk, "issue", 4);
          node.measuredRates += result.requestsPerSecond();
          lines.add(
              String.format(
                  Locale.ROOT,
                  "| %d | %s | %,d | %,.0f | %.1f | %d |",
                  block,
                  node.label,
                  before,
                  result.requestsPerSecond(),
                  result.p99Millis(),
                  result.errors()));
        }
      }
    } finally {
      fresh.server.close();
      filled.server.close();
    }
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Filled against fresh, summed over the blocks: %,.0f against %,.0f req/s = %.3f",
            filled.measuredRates,
            fresh.measuredRates,
            filled.measuredRates / fresh.measuredRates));
    lines.add("");
    for (Node node : List.of(fresh, filled)) {
      lines.add("- " + size(node));
    }
    notes.forEach(note -> lines.add("- " + note));
    String report = "Machine: " + option("machine", "?") + "\n\n" + String.join("\n", lines) + "\n";
    Files.writeString(out.resolve("flat-cost.md"), report);
    System.out.print(report);
  }

  /**
   * The filled store's file after each fill run, and what the second half of the fill added per
   * token: unlike the file per token, this leaves out what does not grow with the tokens.
   */
  private void reportGrowth(List<FileSize> samples) {
    if (samples.size() < 2) {
      lines.add(
          "The warm-up issued most of the fill: too few fill runs to tell the file's growth.");
      lines.add("");
      return;
    }
    lines.add("| filled: tokens issued | file MB | bytes per token |");
    lines.add("| ---: | ---: | ---: |");
    for (FileSize sample : samples) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %,d | %,.1f | %,.0f |",
              sample.tokens(),
              sample.bytes() / 1e6,
              (double) sample.bytes() / sample.tokens()));
    }
    FileSize middle = samples.get(samples.size() / 2);
    FileSize last = samples.get(samples.size() - 1);
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "Second half of the fill, %,d to %,d tokens: the file grew by %,.0f bytes per token",
            middle.tokens(),
            last.tokens(),
            (double) (last.bytes() - middle.bytes())
                / Math.max(1, last.tokens() - middle.tokens())));
    lines.add("");
  }

  private Node start(String label) throws Exception {
    Path dataDir = Files.createDirectories(out.resolve("data-" + label));
    ServerNodes server = LoadHarness.startServers(options, out, Store.h2(dataDir), 1, n -> dataDir);
    StepUpApi api =
        new StepUpApi(server.urls("/api/v1/environments/demo").get(0), LoadHarness.API_KEY);
    int users = Integer.parseInt(option("users", "1"));
    String authorization = "Bearer " + LoadHarness.API_KEY;
    if (users == 1) {
      String body = api.signedInUser("bench@example.com").issueBody();
      return new Node(
          label, dataDir, server, "post.lua", List.of(authorization, JSON, body, "201"));
    }
    List<String> bodies = new ArrayList<>();
    for (int user = 1; user <= users; user++) {
      bodies.add(api.signedInUser("bench-" + user + "@example.com").issueBody());
    }
    Path file = Files.write(out.resolve("bodies-" + label + ".txt"), bodies);
    return new Node(
        label,
        dataDir,
        server,
        "post-bodies.lua",
        List.of(authorization, JSON, file.toString(), "201"));
  }

  /** The store's file against its tokens, read with the server stopped. */
  private String size(Node node) throws Exception {
    Store store = Store.h2(node.dataDir);
    long bytes = store.bytes();
    long tokens = node.issued;
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
          node.label,
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
    return options.get(name, fallback);
  }
}
