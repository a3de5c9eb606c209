package dev.stepup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The harness's results as a Markdown table and an SVG bar chart the README shows. */
final class Report {

  /**
   * One measured row: which system and store, the run, what it requested, and the CPU time the
   * server used per request during the run (NaN when not measured).
   */
  record Row(String system, WrkResult result, String note, double cpuMillisPerRequest) {}

  private Report() {}

  static String markdown(String machine, List<Row> rows, List<String> notes) {
    StringBuilder table = new StringBuilder();
    table.append("Machine: ").append(machine).append("\n\n");
    table.append(
        "| system | run | connections | req/s | p50 ms | p99 ms | errors | server CPU ms/req | note |\n");
    table.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Row row : rows) {
      WrkResult r = row.result();
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %,.0f | %.2f | %.2f | %d | %.3f | %s |%n",
              row.system(),
              r.scenario(),
              r.connections(),
              r.requestsPerSecond(),
              r.p50Millis(),
              r.p99Millis(),
              r.errors(),
              row.cpuMillisPerRequest(),
              row.note()));
    }
    table.append('\n');
    notes.forEach(note -> table.append("- ").append(note).append('\n'));
    return table.toString();
  }

  static String svg(String title, List<Row> rows) {
    int barHeight = 22;
    int left = 260;
    int width = 900;
    int top = 40;
    double max = rows.stream().mapToDouble(r -> r.result().requestsPerSecond()).max().orElse(1);
    StringBuilder svg = new StringBuilder();
    int height = top + rows.size() * (barHeight + 8) + 20;
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"13\">%n",
            width,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        String.format("<text x=\"10\" y=\"24\" font-size=\"16\">%s</text>%n", escape(title)));
    int y = top;
    for (Row row : rows) {
      WrkResult r = row.result();
      double length = (width - left - 120) * r.requestsPerSecond() / max;
      String colour =
          row.system().startsWith("Keycloak")
              ? "#9e9e9e"
              : row.system().contains("PostgreSQL") ? "#3f7fbf" : "#2e9d5b";
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              left - 8,
              y + 16,
              escape(row.system() + " · " + r.scenario() + " c" + r.connections())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
              left,
              y,
              length,
              barHeight,
              colour));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%,.0f req/s · p99 %.1f ms</text>%n",
              left + length + 6,
              y + 16,
              r.requestsPerSecond(),
              r.p99Millis()));
      y += barHeight + 8;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  static void write(Path dir, String machine, List<Row> rows, List<String> notes)
      throws IOException {
    Files.writeString(dir.resolve("results.md"), markdown(machine, rows, notes));
    Files.writeString(dir.resolve("results.svg"), svg("Requests per second — " + machine, rows));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
