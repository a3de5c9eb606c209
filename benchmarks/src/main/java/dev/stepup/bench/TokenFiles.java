package dev.stepup.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Issued tokens travel from issue runs to spend runs through files: an issue run writes each node's
 * answers under a prefix, a spend run reads them back on the node that issued them.
 */
final class TokenFiles {

  private TokenFiles() {}

  /** The issue run's arguments with the file prefix its answers' tokens are written to. */
  static List<String> withFile(List<String> args, String prefix, int node) {
    List<String> all = new ArrayList<>(args);
    all.add(ofNode(prefix, node));
    return all;
  }

  /** Where a node's tokens under {@code prefix} are written, and read back from. */
  private static String ofNode(String prefix, int node) {
    return prefix + "-n" + node;
  }

  /** Four connections spending the tokens each node issued into the two files, on that node. */
  static WrkResult spend(
      Wrk wrk,
      String scenario,
      ServerNodes nodes,
      String path,
      String mode,
      String authorization,
      String first,
      String second)
      throws Exception {
    return spend(wrk, scenario, nodes.urls(path), mode, authorization, first, second);
  }

  /** As above, on the nodes at {@code urls}, numbered from 0 as {@link Wrk#runOn} numbers them. */
  static WrkResult spend(
      Wrk wrk,
      String scenario,
      List<String> urls,
      String mode,
      String authorization,
      String first,
      String second)
      throws Exception {
    String threads = String.valueOf(Wrk.threads(4 / urls.size()));
    return wrk.runOn(
        scenario,
        4,
        urls,
        "spend.lua",
        node ->
            List.of(
                mode,
                authorization,
                ofNode(first, node) + "," + ofNode(second, node),
                String.valueOf(Wrk.threads(16 / urls.size())),
                threads));
  }
}
