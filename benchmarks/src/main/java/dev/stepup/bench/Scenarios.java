package dev.stepup.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The harness's scenarios against started nodes: issue (c4, c16), the floor, check, consume by
 * introspection and a protected action, each warmed before it is measured.
 */
final class Scenarios {

  private final Path out;
  private final Wrk wrk;
  private final Wrk warm;
  private final WarmUp warmUp;
  private final MeasuredRows rows;
  private final List<String> notes;
  private final String only;
  private final long fill;

  /**
   * {@code only}: the scenarios to run, comma-separated, or blank for all; {@code fill}: tokens to
   * issue before measuring.
   */
  Scenarios(
      Path out,
      Wrk wrk,
      Wrk warm,
      WarmUp warmUp,
      MeasuredRows rows,
      List<String> notes,
      String only,
      long fill) {
    this.out = out;
    this.wrk = wrk;
    this.warm = warm;
    this.warmUp = warmUp;
    this.rows = rows;
    this.notes = notes;
    this.only = only.strip();
    this.fill = fill;
  }

  /** What each issuance run is compared with, measured right after it at the same connections. */
  interface Yardstick {
    void issueAfter(int connections) throws Exception;

    /** The CPU time it has used: an issuance run starts once it is quiet too. */
    Duration cpu();

    /** Nothing to compare with. */
    Yardstick NONE =
        new Yardstick() {
          @Override
          public void issueAfter(int connections) {}

          @Override
          public Duration cpu() {
            return Duration.ZERO;
          }
        };
  }

  /**
   * Runs every scenario against started nodes, each run's connections shared among them; answers
   * the number of tokens it issued.
   */
  long load(ServerNodes nodes, String system, Yardstick yardstick) throws Exception {
    String path = "/api/v1/environments/demo";
    StepUpApi api = new StepUpApi(nodes.urls(path).get(0), LoadHarness.API_KEY);
    StepUpApi.Subject subject = api.signedInUser("bench@example.com");
    // check weighs the session's live tokens; a user holding none stands for the usual case.
    StepUpApi.Subject checking = api.signedInUser("check@example.com");
    String apiKey = "Bearer " + LoadHarness.API_KEY;
    String session = "Bearer " + subject.sessionToken();
    String checkSession = "Bearer " + checking.sessionToken();
    String tokens = out.resolve("tokens-" + system.replaceAll("[^A-Za-z0-9]+", "-")).toString();
    List<String> issueUrls = nodes.urls(path + "/elevated-tokens");
    List<String> issueArgs = List.of(apiKey, "application/json", subject.issueBody(), "201");
    // Warm every path before anything is recorded: on two cores the JIT compiles for minutes, and
    // a path first met in its measured run would pay for its own compilation there.
    long[] warmIssued = {0};
    notes.add(
        warmUp.repeat(
            system + ": issuance",
            nodes::compilerCpu,
            () -> {
              for (int connections : new int[] {4, 16}) {
                String file = tokens + "-warm" + connections;
                WrkResult warmed =
                    warm.runOn(
                        "warm-up",
                        connections,
                        issueUrls,
                        "post.lua",
                        n -> TokenFiles.withFile(issueArgs, file, n));
                warmIssued[0] += warmed.requests() - warmed.errors();
              }
              return null;
            }));
    long issued = warmIssued[0];
    // --fill N: grow the store first, to measure a server that has issued N tokens already.
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
    for (int connections : runs("issue") ? new int[] {4, 16} : new int[0]) {
      String file = tokens + "-c" + connections;
      WrkResult issue =
          rows.add(
              system,
              nodes::cpu,
              yardstick::cpu,
              "POST /elevated-tokens",
              () ->
                  wrk.runOn(
                      "issue",
                      connections,
                      issueUrls,
                      "post.lua",
                      node -> TokenFiles.withFile(issueArgs, file, node)));
      issued += issue.requests() - issue.errors();
      yardstick.issueAfter(connections);
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
      notes.add(
          warmUp.repeat(
              system + ": check",
              nodes::compilerCpu,
              () ->
                  warm.runOn(
                      "warm-up", 16, nodes.urls(path + "/step-up/check"), "post.lua", n -> args)));
      rows.add(
          system,
          nodes::cpu,
          "POST /step-up/check",
          () ->
              wrk.runOn(
                  "check", 16, nodes.urls(path + "/step-up/check"), "post.lua", node -> args));
    }
    if (runs("consume")) {
      issued += stock(tokens, issueUrls, issueArgs, "spend0", "spend1", "spend2");
      TokenFiles.spend(
          warm,
          "warm-up",
          nodes,
          path + "/elevated-tokens/introspect",
          "introspect",
          apiKey,
          tokens + "-spend0",
          tokens + "-none");
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
                  tokens + "-spend1",
                  tokens + "-spend2"));
    }
    if (!runs("action")) {
      return issued;
    }
    issued += stock(tokens, issueUrls, issueArgs, "stock0", "stock1", "stock2");
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

  /**
   * Issues tokens, unrecorded, into one file set per name, right before they are spent: a
   * single-use token lives 5 minutes, less than the warm-ups before may take, and spending is
   * faster than issuing. Answers how many it issued.
   */
  private long stock(String tokens, List<String> urls, List<String> issueArgs, String... names)
      throws Exception {
    long issued = 0;
    for (String name : names) {
      String file = tokens + "-" + name;
      WrkResult issue =
          wrk.runOn(
              "stock", 16, urls, "post.lua", node -> TokenFiles.withFile(issueArgs, file, node));
      issued += issue.requests() - issue.errors();
    }
    return issued;
  }

  /** {@code --only issue,check}: run just those scenarios (consume and action issue their own). */
  boolean runs(String scenario) {
    return only.isEmpty() || List.of(only.split(",")).contains(scenario);
  }
}
