package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an audit chain export as an outside tool would, from the documented formula alone (none
 * of the server's code): sha256(previous + "\n" + each field as "-" or "<utf-8 length>:<value>")
 * over the fields after {@code chain, seq, previous, hash}, each record linking to the one before.
 */
public final class ChainExports {

  private ChainExports() {}

  public static List<JsonNode> lines(String export) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : export.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JsonMapper.builder().build().readTree(line));
      }
    }
    return lines;
  }

  /** The hash of the last record, after checking every record's hash and link. */
  public static String recomputedHead(List<JsonNode> lines) throws Exception {
    String previous = "0".repeat(64);
    long seq = lines.isEmpty() ? 0 : lines.get(0).get("seq").asLong() - 1;
    for (JsonNode line : lines) {
      assertThat(line.get("seq").asLong()).isEqualTo(++seq);
      // The first record kept links to 64 zeros, unless earlier ones were purged: then its own
      // link is the anchor; every later record links to the hash before it.
      boolean anchor = line == lines.get(0) && seq > 1;
      if (!anchor) {
        assertThat(line.get("previous").asString()).isEqualTo(previous);
      }
      previous = line.get("previous").asString();
      StringBuilder text = new StringBuilder(previous).append('\n');
      List<String> names = new ArrayList<>();
      line.propertyNames().forEach(names::add);
      for (String name : names.subList(4, names.size())) {
        JsonNode value = line.get(name);
        if (value.isNull()) {
          text.append('-');
        } else {
          String s = value.asString();
          text.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s);
        }
      }
      String hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
      assertThat(line.get("hash").asString()).isEqualTo(hash);
      previous = hash;
    }
    return previous;
  }
}
