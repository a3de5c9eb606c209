package dev.stepup.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the maps the JSON parser answers. */
final class Json {

  private Json() {}

  static String string(Map<String, Object> json, String field) {
    return optionalString(json, field)
        .orElseThrow(
            () ->
                new StepUpException(
                    0, "unreadable_answer", "the server's answer lacks '" + field + "'"));
  }

  static Optional<String> optionalString(Map<String, Object> json, String field) {
    return json.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  static boolean bool(Map<String, Object> json, String field) {
    return Boolean.TRUE.equals(json.get(field));
  }

  static Optional<Instant> instant(Map<String, Object> json, String field) {
    return optionalString(json, field).map(Instant::parse);
  }

  static Optional<Long> number(Map<String, Object> json, String field) {
    return json.get(field) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  static List<String> strings(Map<String, Object> json, String field) {
    List<String> values = new ArrayList<>();
    if (json.get(field) instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
    }
    return List.copyOf(values);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Map<String, Object> json, String field) {
    List<Map<String, Object>> values = new ArrayList<>();
    if (json.get(field) instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          values.add((Map<String, Object>) map);
        }
      }
    }
    return values;
  }
}
