package dev.stepup.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} pairs a benchmark's command line gives. */
final class Options {

  private final Map<String, String> values = new HashMap<>();

  Options(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }
}
