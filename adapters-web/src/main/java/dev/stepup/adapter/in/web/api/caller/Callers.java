package dev.stepup.adapter.in.web.api.caller;

import dev.stepup.adapter.in.web.api.error.ApiException;
import dev.stepup.adapter.in.web.api.error.WebProblem;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.ApiKeyAccess;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Recognises who calls the API from the bearer credential: an end user's session token or a host
 * backend's API key. Both are checked against the environment in the path, so a credential of one
 * environment never works in another.
 */
@Component
public class Callers {

  private static final Pattern BEARER = Pattern.compile("Bearer ([\\x21-\\x7e]{1,512})");

  private final AuthenticateCallerUseCase authenticate;

  public Callers(AuthenticateCallerUseCase authenticate) {
    this.authenticate = authenticate;
  }

  /** The end user's session acting in this environment. */
  SessionContext endUser(HttpServletRequest request, String environmentId) {
    EnvironmentId environment = environment(environmentId);
    String token = bearer(request);
    return authenticate
        .session(environment, token, origin(request))
        .map(session -> new SessionContext(environment, session.id(), origin(request)))
        .orElseThrow(
            () ->
                ApiException.unauthenticated(
                    "the session token is unknown, expired or of another environment"));
  }

  /**
   * Checks that a host backend of this environment calls with a key holding {@code permission}, and
   * returns it with the environment. An unknown, revoked, expired or foreign key answers 401; a
   * valid key without the permission answers 403 {@code insufficient_permission} naming it.
   */
  HostBackend hostBackend(
      HttpServletRequest request, String environmentId, ApiPermission permission) {
    EnvironmentId environment = environment(environmentId);
    ApiKeyAccess access =
        authenticate.apiKey(environment, bearer(request), permission, origin(request));
    if (access instanceof ApiKeyAccess.Forbidden forbidden) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          WebProblem.INSUFFICIENT_PERMISSION,
          "the API key lacks the permission " + forbidden.missing().wire());
    }
    if (!(access instanceof ApiKeyAccess.Granted)) {
      throw ApiException.unauthenticated(
          "the API key is unknown, revoked, expired or of another environment");
    }
    return new HostBackend(environment, origin(request));
  }

  /** Where a request came from, for the audit trail. */
  public static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
  }

  /** The elevated token a protected action was called with, if any. */
  public static Optional<String> elevatedToken(HttpServletRequest request) {
    return Optional.ofNullable(request.getHeader("X-Elevated-Access-Token"))
        .map(String::strip)
        .filter(t -> !t.isEmpty());
  }

  public static EnvironmentId environment(String environmentId) {
    try {
      return new EnvironmentId(environmentId);
    } catch (IllegalArgumentException e) {
      // An id that cannot exist is answered like an unknown one, without echoing it.
      throw new ApiException(HttpStatus.NOT_FOUND, WebProblem.NOT_FOUND, "no such environment");
    }
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw ApiException.unauthenticated("send 'Authorization: Bearer <session token or API key>'");
    }
    Matcher matcher = BEARER.matcher(header.strip());
    if (!matcher.matches()) {
      throw ApiException.unauthenticated("the Authorization header must be 'Bearer <token>'");
    }
    return matcher.group(1);
  }
}
