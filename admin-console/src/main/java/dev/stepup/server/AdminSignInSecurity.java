package dev.stepup.server;

import dev.stepup.application.port.in.admin.AdminSignInAttempt;
import dev.stepup.application.port.in.admin.BeginAdminSignInUseCase;
import dev.stepup.application.port.in.admin.CompleteAdminSignInUseCase;
import dev.stepup.application.port.in.admin.FailAdminSignInUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The console's sign-in hardening as Spring Security sees it: attempts are throttled and audited
 * through {@link BeginAdminSignInUseCase} and its siblings around the password check, refusals and
 * ended sessions lead back to a sign-in page that says why.
 */
final class AdminSignInSecurity {

  /** The role of an admin who gave the right password but no second factor yet. */
  static final String PASSWORD_ONLY = "ADMIN_PASSWORD";

  private AdminSignInSecurity() {}

  /**
   * An admin who gave only their password is sent to the second step (enrolment or code) instead of
   * being refused outright; anyone else is refused.
   */
  static AccessDeniedHandler secondFactorFirst() {
    AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();
    return (request, response, denied) -> {
      Authentication who = SecurityContextHolder.getContext().getAuthentication();
      boolean passwordOnly =
          who != null
              && who.getAuthorities().stream()
                  .anyMatch(a -> ("ROLE_" + PASSWORD_ONLY).equals(a.getAuthority()));
      if (!passwordOnly) {
        refuse.handle(request, response, denied);
        return;
      }
      String page = request.getContextPath() + "/admin/sign-in/second-factor";
      if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
        response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), page);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect(page);
      }
    };
  }

  /** Where a sign-in attempt came from; kept as the authentication's details. */
  record SignInOrigin(String clientIp, String userAgent) implements Serializable {

    static SignInOrigin of(HttpServletRequest request) {
      return new SignInOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    RequestOrigin origin() {
      return new RequestOrigin(clientIp, userAgent);
    }
  }

  static RequestOrigin origin(HttpServletRequest request) {
    return SignInOrigin.of(request).origin();
  }

  /** Refused before the password is checked: too many recent failures. */
  static final class SignInThrottledException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    private final long minutes;

    SignInThrottledException(Duration remaining) {
      super("Too many failed sign-ins");
      this.minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
    }

    long minutes() {
      return minutes;
    }
  }

  /** Counts the attempt, refuses it while throttled, and records how the password check went. */
  static final class ThrottledProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final BeginAdminSignInUseCase begin;
    private final FailAdminSignInUseCase fail;
    private final CompleteAdminSignInUseCase complete;

    ThrottledProvider(
        AuthenticationProvider passwords,
        BeginAdminSignInUseCase begin,
        FailAdminSignInUseCase fail,
        CompleteAdminSignInUseCase complete) {
      this.passwords = passwords;
      this.begin = begin;
      this.fail = fail;
      this.complete = complete;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
      String username = attempt.getName();
      RequestOrigin origin =
          attempt.getDetails() instanceof SignInOrigin o ? o.origin() : new RequestOrigin("", "");
      AdminSignInAttempt signIn = new AdminSignInAttempt(username, origin);
      Optional<Duration> refused = begin.begin(signIn);
      if (refused.isPresent()) {
        throw new SignInThrottledException(refused.get());
      }
      Authentication signedIn;
      try {
        signedIn = passwords.authenticate(attempt);
      } catch (AuthenticationException e) {
        fail.failed(signIn);
        throw e;
      }
      complete.succeeded(signIn);
      return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }

  /** Back to the sign-in page, saying whether the password was wrong or sign-ins are paused. */
  static AuthenticationFailureHandler failureHandler() {
    return (request, response, exception) -> {
      String query =
          exception instanceof SignInThrottledException throttled
              ? "throttled=" + throttled.minutes()
              : "error";
      response.sendRedirect(request.getContextPath() + "/login?" + query);
    };
  }

  /**
   * Signed-out requests go to the sign-in page; one that still carries an ended session's cookie
   * learns that the session ended, and HTMX requests are told to load the page instead of swapping
   * it into a fragment.
   */
  static final class ConsoleEntryPoint implements AuthenticationEntryPoint {

    private final LoginUrlAuthenticationEntryPoint signIn =
        new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException, jakarta.servlet.ServletException {
      boolean expired =
          request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      String page = request.getContextPath() + (expired ? "/login?expired" : "/login");
      if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
        response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), page);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      } else if (expired) {
        response.sendRedirect(page);
      } else {
        signIn.commence(request, response, e);
      }
    }
  }
}
