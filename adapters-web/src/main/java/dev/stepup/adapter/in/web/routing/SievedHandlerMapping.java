package dev.stepup.adapter.in.web.routing;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The controllers' handler mapping (htmx's, which adds its {@code @HxRequest} conditions), which
 * first sets aside every mapping whose patterns the request's path certainly cannot match, by its
 * exact text ({@link PatternSieve}). Spring tries a path with variables against every mapping, each
 * time evaluating its method (with a CORS pre-flight check), headers, media types and pattern; that
 * was about 8 % of an issuance's CPU with some 160 mappings.
 *
 * <p>Only exact text is compared, and only for a path with no percent-encoding and no {@code ;}
 * parameters, where Spring's pattern matching compares the same text, and only while patterns are
 * matched case-sensitively (Spring's default); any other path is matched by Spring alone, as
 * before.
 */
public class SievedHandlerMapping extends HtmxRequestMappingHandlerMapping {

  /**
   * Each registered mapping's sieve, by identity. Written only while mappings are registered, as a
   * new map each time, so a lookup reads it without locking: a concurrent map's lookup locked its
   * bin on every collision, per mapping.
   */
  private volatile Map<RequestMappingInfo, PatternSieve> sieves = new IdentityHashMap<>();

  /**
   * The request this thread is routing, its plain path and segments, worked out once per lookup.
   */
  private static final ThreadLocal<Routing> ROUTING = new ThreadLocal<>();

  private record Routing(HttpServletRequest request, String path, String[] segments) {

    static Routing of(HttpServletRequest request) {
      String path = plainPath(request);
      return new Routing(request, path, path == null ? null : PatternSieve.segmentsOf(path));
    }
  }

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
    Map<RequestMappingInfo, PatternSieve> next = new IdentityHashMap<>(sieves);
    // A case-insensitive parser matches text the sieve would tell apart: Spring alone decides.
    boolean exactText = getPatternParser() == null || getPatternParser().isCaseSensitive();
    next.put(mapping, exactText ? PatternSieve.of(mapping) : PatternSieve.NONE);
    sieves = next;
  }

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    Routing outer = ROUTING.get();
    ROUTING.set(Routing.of(request));
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
    PatternSieve sieve = sieves.get(info);
    if (sieve == null) {
      return false; // not registered here: Spring decides
    }
    Routing routing = ROUTING.get();
    if (routing == null || routing.request() != request) {
      routing = Routing.of(request);
    }
    return routing.path() != null && sieve.setsAside(routing.path(), routing.segments());
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
}
