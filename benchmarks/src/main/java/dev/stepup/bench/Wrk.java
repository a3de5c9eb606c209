package dev.stepup.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian package {@code wrk}) with the harness's Lua scripts and reads its report. */
final class Wrk {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern HARNESS =
      Pattern.compile("HARNESS bad=(\\d+) p50=(\\d+) p99=(\\d+)");

  private final Path scripts;
  private final Duration duration;

  Wrk(Path workDir, Duration duration) throws IOException {
    this.scripts = Files.createDirectories(workDir.resolve("wrk"));
    this.duration = duration;
    for (String name :
        List.of("harness.lua", "post.lua", "post-bodies.lua", "spend.lua", "get.lua")) {
      try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
        Files.copy(in, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The number of wrk threads for a run: one per connection, at most two (the machine's cores). */
  static int threads(int connections) {
    return Math.min(2, connections);
  }

  WrkResult run(String scenario, int connections, String url, String script, List<String> args)
      throws IOException, InterruptedException {
    return parse(scenario, connections, report(scenario, start(connections, url, script, args)));
  }

  /**
   * One run spread over several nodes: a wrk per address, each with its share of the connections,
   * all at once. Rates, requests and errors add up; the median is the request-weighted mean of the
   * runs' medians and the 99th percentile the worst run's (wrk reports no merged histogram).
   */
  WrkResult runOn(
      String scenario,
      int connections,
      List<String> urls,
      String script,
      IntFunction<List<String>> argsForNode)
      throws IOException, InterruptedException {
    if (urls.size() == 1) {
      return run(scenario, connections, urls.get(0), script, argsForNode.apply(0));
    }
    int share = connections / urls.size();
    List<Process> runs = new ArrayList<>();
    for (int node = 0; node < urls.size(); node++) {
      runs.add(start(share, urls.get(node), script, argsForNode.apply(node)));
    }
    List<WrkResult> results = new ArrayList<>();
    for (Process wrk : runs) {
      results.add(parse(scenario, share, report(scenario, wrk)));
    }
    long requests = results.stream().mapToLong(WrkResult::requests).sum();
    return new WrkResult(
        scenario,
        connections,
        results.stream().mapToDouble(WrkResult::requestsPerSecond).sum(),
        requests,
        results.stream().mapToDouble(r -> r.p50Millis() * r.requests()).sum()
            / Math.max(1, requests),
        results.stream().mapToDouble(WrkResult::p99Millis).max().orElse(0),
        results.stream().mapToLong(WrkResult::errors).sum());
  }

  private Process start(int connections, String url, String script, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "wrk",
            "-t" + threads(connections),
            "-c" + connections,
            "-d" + Math.max(1, duration.toSeconds()) + "s",
            "--timeout",
            "10s",
            "-s",
            scripts.resolve(script).toString(),
            url,
            "--"));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String report(String scenario, Process wrk)
      throws IOException, InterruptedException {
    String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed for " + scenario + ":\n" + report);
    }
    return report;
  }

  static WrkResult parse(String scenario, int connections, String report) {
    Matcher harness = find(HARNESS, report, scenario);
    long socketErrors = 0;
    Matcher socket = SOCKET.matcher(report);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        socketErrors += Long.parseLong(socket.group(group));
      }
    }
    return new WrkResult(
        scenario,
        connections,
        Double.parseDouble(find(RATE, report, scenario).group(1)),
        Long.parseLong(find(TOTAL, report, scenario).group(1)),
        Long.parseLong(harness.group(2)) / 1000.0,
        Long.parseLong(harness.group(3)) / 1000.0,
        Long.parseLong(harness.group(1)) + socketErrors);
  }

  private static Matcher find(Pattern pattern, String report, String scenario) {
    Matcher matcher = pattern.matcher(report);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "no " + pattern + " in the report of " + scenario + ":\n" + report);
    }
    return matcher;
  }

  Path scripts() {
    return scripts;
  }
}
