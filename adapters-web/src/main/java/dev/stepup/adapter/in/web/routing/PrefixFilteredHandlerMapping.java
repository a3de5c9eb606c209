package dev.stepup.adapter.in.web.routing;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The controllers' handler mapping (htmx's, which adds its {@code @HxRequest} conditions), which
 * first sets aside every mapping whose patterns all begin with text the request's path does not
 * begin with. Spring tries a path with variables against every mapping, each time evaluating its
 * method (with a CORS pre-flight check), headers, media types and pattern; that was about 8 % of an
 * issuance's CPU with some 160 mappings.
 *
 * <p>Only exact text is compared, and only for a path with no percent-encoding and no {@code ;}
 * parameters, where Spring's pattern matching compares the same text; any other path is matched by
 * Spring alone, as before.
 */
public class PrefixFilteredHandlerMapping extends HtmxRequestMappingHandlerMapping {

  /**
   * Each registered mapping's literal pattern beginnings, by identity (an empty array: never set
   * aside). Written only while mappings are registered, as a new map each time, so a lookup reads
   * it without locking: a concurrent map's lookup locked its bin on every collision, per mapping.
   */
  private volatile Map<RequestMappingInfo, String[]> beginnings = new IdentityHashMap<>();

  /** The request this thread is routing and its plain path, worked out once per lookup. */
  private static final ThreadLocal<Routing> ROUTING = new ThreadLocal<>();

  private record Routing(HttpServletRequest request, String path) {}

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    remember(mapping);
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    remember(mapping);
  }

  private synchronized void remember(RequestMappingInfo mapping) {
    Map<RequestMappingInfo, String[]> next = new IdentityHashMap<>(beginnings);
    next.put(mapping, beginnings(mapping));
    beginnings = next;
  }

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    Routing outer = ROUTING.get();
    ROUTING.set(new Routing(request, plainPath(request)));
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      if (outer == null) {
        ROUTING.remove();
      } else {
        ROUTING.set(outer);
      }
    }
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    return setsAside(info, request) ? null : super.getMatchingMapping(info, request);
  }

  /** Whether {@code info} certainly cannot match the request's path. */
  boolean setsAside(RequestMappingInfo info, HttpServletRequest request) {
    String[] literal = beginnings.get(info);
    if (literal == null || literal.length == 0) {
      return false; // not registered here, or never set aside: Spring decides
    }
    Routing routing = ROUTING.get();
    String path =
        routing != null && routing.request() == request ? routing.path() : plainPath(request);
    return path != null && !beginsWithAny(path, literal);
  }

  /** The path Spring matches patterns against, if it is plain text; else null. */
  private static String plainPath(HttpServletRequest request) {
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return null;
    }
    RequestPath parsed = ServletRequestPathUtils.getParsedRequestPath(request);
    String path = parsed.pathWithinApplication().value();
    return path.indexOf('%') < 0 && path.indexOf(';') < 0 ? path : null;
  }

  private static boolean beginsWithAny(String path, String[] literal) {
    for (String beginning : literal) {
      if (path.startsWith(beginning)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text before each pattern's first variable or wildcard; none (never set aside) if the
   * mapping has no parsed patterns or one of them begins with a variable or holds an escape.
   */
  private static String[] beginnings(RequestMappingInfo info) {
    PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
    if (patterns == null || patterns.getPatterns().isEmpty()) {
      return new String[0];
    }
    String[] literal = new String[patterns.getPatterns().size()];
    int i = 0;
    for (PathPattern pattern : patterns.getPatterns()) {
      String text = pattern.getPatternString();
      int end = text.length();
      for (char special : new char[] {'{', '*', '?', '%', ';', '\\'}) {
        int at = text.indexOf(special);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      if (end <= 1) {
        return new String[0];
      }
      literal[i++] = text.substring(0, end);
    }
    return literal;
  }
}
