package dev.stepup.server;

import dev.stepup.adapter.in.web.api.version.ApiVersionInterceptor;
import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.UnsupportedApiVersionException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request a correlation id — the caller's {@code X-Request-Id} (or {@code
 * X-Correlation-Id}) when it is well-formed, else a new one — echoed on the response and put with
 * the environment id and the API version named into the logging context ({@code correlationId},
 * {@code environmentId}, {@code apiVersion}), so every log line of the request carries both, in
 * plain and in structured (JSON) logs. At the end it logs one line: method, route template, status
 * and duration. Never a header value other than the id, a query string or a body: those may hold
 * codes, tokens or keys.
 */
final class RequestCorrelation extends OncePerRequestFilter {

  static final String REQUEST_ID = "X-Request-Id";
  static final String CORRELATION_ID = "X-Correlation-Id";
  static final String MDC_CORRELATION = "correlationId";
  static final String MDC_ENVIRONMENT = "environmentId";
  static final String MDC_API_VERSION = "apiVersion";

  private static final Logger LOG = LoggerFactory.getLogger(RequestCorrelation.class);

  /** Short, printable, no spaces or quotes: safe in a header and in any log format. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

  private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x21-\\x7e]");

  private static final Pattern ENVIRONMENT =
      // The shape of EnvironmentId: nothing else reaches the log.
      Pattern.compile("^/(?:api/v1/environments|hosted)/([a-z0-9][a-z0-9_-]{0,62})(?:/.*)?$");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String incoming = request.getHeader(REQUEST_ID);
    if (incoming == null) {
      incoming = request.getHeader(CORRELATION_ID);
    }
    String id =
        incoming != null && WELL_FORMED.matcher(incoming).matches()
            ? incoming
            : UUID.randomUUID().toString();
    response.setHeader(REQUEST_ID, id);
    if (request.getHeader(CORRELATION_ID) != null) {
      response.setHeader(CORRELATION_ID, id);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher environment = ENVIRONMENT.matcher(path);
    long started = System.nanoTime();
    MDC.put(MDC_CORRELATION, id);
    if (environment.matches()) {
      MDC.put(MDC_ENVIRONMENT, environment.group(1));
    }
    // Which API version each request used: a known version, "legacy" for none, never the raw value.
    MDC.put(MDC_API_VERSION, apiVersion(request.getHeader(ApiVersionInterceptor.HEADER)));
    try {
      chain.doFilter(request, response);
    } finally {
      if (LOG.isInfoEnabled() && !quiet(path)) {
        LOG.info(
            "{} {} {} {} ms",
            request.getMethod(),
            route(request, path),
            response.getStatus(),
            (System.nanoTime() - started) / 1_000_000);
      }
      MDC.remove(MDC_CORRELATION);
      MDC.remove(MDC_ENVIRONMENT);
      MDC.remove(MDC_API_VERSION);
    }
  }

  private static String apiVersion(String header) {
    try {
      ApiVersion version = ApiVersion.parse(header);
      return version == ApiVersion.LEGACY ? "legacy" : version.wire();
    } catch (UnsupportedApiVersionException e) {
      return "invalid";
    }
  }

  /** Probes and static assets would drown the log. */
  private static boolean quiet(String path) {
    return path.startsWith("/actuator/")
        || path.startsWith("/webjars/")
        || path.startsWith("/console/");
  }

  /** The matched route template (ids as placeholders), else the path; never the query string. */
  private static String route(HttpServletRequest request, String path) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String route = pattern instanceof String p ? p : path;
    route = UNPRINTABLE.matcher(route).replaceAll("?");
    return route.length() > 200 ? route.substring(0, 200) + "…" : route;
  }
}
