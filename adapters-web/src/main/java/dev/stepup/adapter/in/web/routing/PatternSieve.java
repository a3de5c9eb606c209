package dev.stepup.adapter.in.web.routing;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * What a mapping's path patterns certainly need of a plain path (no percent-encoding, no {@code ;}
 * parameters), told apart by exact text alone: each pattern's text before its first variable or
 * wildcard and, for a pattern made only of whole literal segments and whole {@code {name}}
 * segments, how many segments it has and which text each literal one holds. Under a shared
 * beginning such as {@code /api/v1/environments/} only the segments tell the mappings apart.
 */
final class PatternSieve {

  /** Never sets a mapping aside: the mapping has no parsed pattern or one this cannot read. */
  static final PatternSieve NONE = new PatternSieve(new Shape[0]);

  private final Shape[] shapes;

  private PatternSieve(Shape[] shapes) {
    this.shapes = shapes;
  }

  /**
   * One pattern: its literal beginning, and its segments (null for a {@code {name}} segment), or no
   * segments if it holds anything else (a wildcard, a regular expression, part of a segment).
   */
  private record Shape(String beginning, String[] segments) {}

  static PatternSieve of(RequestMappingInfo info) {
    PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
    if (patterns == null || patterns.getPatterns().isEmpty()) {
      return NONE;
    }
    Shape[] shapes = new Shape[patterns.getPatterns().size()];
    int i = 0;
    for (PathPattern pattern : patterns.getPatterns()) {
      String text = pattern.getPatternString();
      String beginning = beginning(text);
      if (beginning.length() <= 1) {
        return NONE; // begins with a variable or holds an escape: Spring alone decides
      }
      shapes[i++] = new Shape(beginning, segments(text));
    }
    return new PatternSieve(shapes);
  }

  /**
   * Whether no pattern can match {@code path}, whose {@code segments} are given when the path has
   * no empty segment (else null, and only beginnings are compared).
   */
  boolean setsAside(String path, String[] segments) {
    if (shapes.length == 0) {
      return false;
    }
    for (Shape shape : shapes) {
      if (mayMatch(shape, path, segments)) {
        return false;
      }
    }
    return true;
  }

  /** The segments of a plain path, or null if it has an empty one (a doubled or final slash). */
  static String[] segmentsOf(String path) {
    if (path.length() < 2 || path.charAt(0) != '/' || path.endsWith("/") || path.contains("//")) {
      return null;
    }
    return path.substring(1).split("/", -1);
  }

  private static boolean mayMatch(Shape shape, String path, String[] segments) {
    if (!path.startsWith(shape.beginning())) {
      return false;
    }
    String[] wanted = shape.segments();
    if (segments == null || wanted == null) {
      return true;
    }
    if (wanted.length != segments.length) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] != null && !wanted[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  private static String beginning(String text) {
    int end = text.length();
    for (char special : new char[] {'{', '*', '?', '%', ';', '\\'}) {
      int at = text.indexOf(special);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return text.substring(0, end);
  }

  /** Literal segments as text and {@code {name}} segments as null; null for any other pattern. */
  private static String[] segments(String text) {
    String[] segments = segmentsOf(text);
    if (segments == null) {
      return null;
    }
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (isVariable(segment)) {
        segments[i] = null;
      } else if (!isLiteral(segment)) {
        return null;
      }
    }
    return segments;
  }

  private static boolean isVariable(String segment) {
    return segment.length() > 2
        && segment.charAt(0) == '{'
        && segment.charAt(segment.length() - 1) == '}'
        && isLiteral(segment.substring(1, segment.length() - 1));
  }

  private static boolean isLiteral(String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("{}*?%;\\:".indexOf(text.charAt(i)) >= 0) {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
