package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.AuthenticateCallerUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The end user's hosted session: its bearer token lives in an {@code HttpOnly}, {@code
 * SameSite=Lax} cookie scoped to the environment's pages ({@code Secure} over https), and is
 * checked on every request exactly as the API checks a session token.
 */
@Component
class HostedSessions {

  static final String COOKIE = "stepup_session";

  private final AuthenticateCallerUseCase authenticate;
  private final Clock clock;

  HostedSessions(AuthenticateCallerUseCase authenticate, Clock clock) {
    this.authenticate = authenticate;
    this.clock = clock;
  }

  /** The signed-in session of this environment, if the cookie names an active one. */
  Optional<Session> session(HttpServletRequest request, EnvironmentId environmentId) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        Optional<Session> session = authenticate.session(environmentId, cookie.getValue());
        if (session.isPresent()) {
          return session;
        }
      }
    }
    return Optional.empty();
  }

  Optional<SessionContext> context(HttpServletRequest request, EnvironmentId environmentId) {
    return session(request, environmentId)
        .map(s -> new SessionContext(environmentId, s.id(), origin(request)));
  }

  /** Hands the new session's token to the browser, and nothing else ever sees it. */
  void start(
      HttpServletRequest request,
      HttpServletResponse response,
      EnvironmentId environmentId,
      StartedSession started) {
    Duration lifetime = Duration.between(clock.instant(), started.expiresAt());
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        cookie(request, environmentId, started.sessionToken(), lifetime).toString());
  }

  void clear(HttpServletRequest request, HttpServletResponse response, EnvironmentId id) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, id, "", Duration.ZERO).toString());
  }

  private static ResponseCookie cookie(
      HttpServletRequest request, EnvironmentId environmentId, String value, Duration maxAge) {
    return ResponseCookie.from(COOKIE, value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax")
        .path(HostedPaths.base(environmentId))
        .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
        .build();
  }

  static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
  }
}
