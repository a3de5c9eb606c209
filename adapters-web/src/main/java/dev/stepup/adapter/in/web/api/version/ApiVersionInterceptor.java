package dev.stepup.adapter.in.web.api.version;

import dev.stepup.domain.environment.ApiVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads the API version an API request names ({@value #HEADER}) before its handler runs: a
 * malformed or unknown one is refused (400, {@code invalid_api_version}, by the error handler),
 * otherwise it is kept on the request ({@link #ATTRIBUTE}) for the use cases that count legacy use.
 */
public final class ApiVersionInterceptor implements HandlerInterceptor {

  /** The header a client names its API version in, e.g. {@code Stepup-Api-Version: 2026_04_01}. */
  public static final String HEADER = "Stepup-Api-Version";

  /** The request attribute holding the {@link ApiVersion} read. */
  public static final String ATTRIBUTE = ApiVersionInterceptor.class.getName() + ".version";

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    ApiVersion version = ApiVersion.parse(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, version);
    return true;
  }
}
