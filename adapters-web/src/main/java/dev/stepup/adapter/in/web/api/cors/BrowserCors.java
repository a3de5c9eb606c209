package dev.stepup.adapter.in.web.api.cors;

import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which browser pages may call the REST API from another origin: only the end-user endpoints (those
 * whose caller is a session token, {@code @Caller SessionContext}, and the token exchange that
 * yields one, {@link BrowserCallable}), and only from an origin the environment in the path lists
 * ({@code Environment.browserOrigins()}). The answer names that one origin, never {@code *}, and no
 * credentials mode: the API takes bearer tokens, never cookies. API-key endpoints never answer
 * cross-origin (a host backend's key has no business in a browser), nor does any endpoint for an
 * origin not listed: a preflight is refused (403) and an actual request gets no {@code
 * Access-Control-*} header, so the browser keeps the answer from the page.
 *
 * <p>Asked by the API's handler mapping after it matched the request (a preflight is matched on its
 * {@code Access-Control-Request-Method}), so the handler and the path's environment are known.
 */
@Component
public class BrowserCors implements CorsConfigurationSource {

  /** What an end-user call may send besides simple headers. */
  static final List<String> ALLOWED_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          HttpHeaders.CONTENT_TYPE,
          "X-Elevated-Access-Token",
          "X-Request-Id",
          "Stepup-Api-Version");

  /** What a page may read of an answer besides the simple headers. */
  static final List<String> EXPOSED_HEADERS =
      List.of(
          HttpHeaders.WWW_AUTHENTICATE,
          "X-Request-Id",
          HttpHeaders.RETRY_AFTER,
          HttpHeaders.LOCATION);

  static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private static final long PREFLIGHT_MAX_AGE_SECONDS = 600;

  /** A configuration no origin matches: a preflight against it is refused with 403. */
  private static final CorsConfiguration REFUSE = new CorsConfiguration();

  private final FindEnvironmentsUseCase environments;
  private final Map<Method, Boolean> endUserHandlers = new ConcurrentHashMap<>();

  public BrowserCors(FindEnvironmentsUseCase environments) {
    this.environments = environments;
  }

  @Override
  public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || !isApi(request)) {
      return null;
    }
    if (endUserEndpoint(request) && listed(request, origin)) {
      return allowing(origin);
    }
    // Nothing for an actual request (same-origin pages and backends sending an Origin go on as
    // before, without CORS headers); a preflight is refused outright.
    return CorsUtils.isPreFlightRequest(request) ? REFUSE : null;
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }

  private boolean endUserEndpoint(HttpServletRequest request) {
    return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
            instanceof HandlerMethod handler
        && endUserHandlers.computeIfAbsent(handler.getMethod(), BrowserCors::takesSession);
  }

  /**
   * Whether the endpoint authenticates its caller by an end user's session token, or is an end
   * user's own call before there is one ({@link BrowserCallable}).
   */
  static boolean takesSession(Method method) {
    return method.isAnnotationPresent(BrowserCallable.class)
        || Arrays.stream(method.getParameters())
            .anyMatch(
                p -> p.isAnnotationPresent(Caller.class) && p.getType() == SessionContext.class);
  }

  private boolean listed(HttpServletRequest request, String origin) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String environmentId = variables == null ? null : variables.get("environmentId");
    return environment(environmentId)
        .flatMap(environments::find)
        .map(e -> e.browserOrigins().permits(origin))
        .orElse(false);
  }

  private static Optional<EnvironmentId> environment(String id) {
    try {
      return Optional.ofNullable(id).map(EnvironmentId::new);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static CorsConfiguration allowing(String origin) {
    CorsConfiguration config = new CorsConfiguration();
    // The origin exactly as the browser sent it (the list matched it in normalised form).
    config.setAllowedOrigins(List.of(origin));
    config.setAllowedMethods(ALLOWED_METHODS);
    config.setAllowedHeaders(ALLOWED_HEADERS);
    config.setExposedHeaders(EXPOSED_HEADERS);
    config.setAllowCredentials(false);
    config.setMaxAge(PREFLIGHT_MAX_AGE_SECONDS);
    return config;
  }
}
