package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.OtpSendPolicy;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every hosted page shares: the environment in the path, the return address checked against
 * the environment, redirects that work for plain forms and HTMX alike, and problems shown as pages
 * (never as JSON, never with a stack trace).
 */
@Component
class HostedPages {

  /**
   * How long a page asks the user to wait before asking for another code, right after one was sent:
   * the shortest resend interval of the server's code rules.
   */
  static final long RESEND_WAIT_SECONDS = OtpSendPolicy.RESEND_INTERVAL.toSeconds();

  private final CheckReturnAddressUseCase returnAddresses;

  HostedPages(CheckReturnAddressUseCase returnAddresses) {
    this.returnAddresses = returnAddresses;
  }

  /** The environment named in the path; unknown or malformed ones are "not found". */
  EnvironmentId environment(String raw) {
    EnvironmentId id;
    try {
      id = new EnvironmentId(raw);
    } catch (IllegalArgumentException e) {
      throw HostedProblem.notFound();
    }
    // Also proves the environment exists.
    returnAddresses.permits(id, HostedPaths.wallet(id));
    return id;
  }

  /**
   * Where to go afterwards: the address given when this environment allows it, the wallet page when
   * none was given; anything else is refused rather than followed.
   */
  String returnTo(EnvironmentId environmentId, String requested) {
    if (requested == null || requested.isBlank()) {
      return HostedPaths.wallet(environmentId);
    }
    String candidate = requested.strip();
    if (!returnAddresses.permits(environmentId, candidate)) {
      throw HostedProblem.foreignReturn();
    }
    return candidate;
  }

  /** Whether htmx sent the request (read by htmx-spring-boot, never by hand). */
  static boolean isHtmx(HttpServletRequest request) {
    return HtmxRequest.fromRequest(request).isHtmxRequest();
  }

  /**
   * Sends the browser on: {@code 303 See Other} for a plain request, {@code HX-Redirect} for an
   * HTMX one (which then loads the whole page). Answers {@code null}: the response is complete.
   */
  static String redirect(HttpServletRequest request, HttpServletResponse response, String to) {
    if (isHtmx(request)) {
      response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), to);
      response.setStatus(HttpStatus.OK.value());
    } else {
      response.setStatus(HttpStatus.SEE_OTHER.value());
      response.setHeader(HttpHeaders.LOCATION, to);
    }
    return null;
  }

  static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
