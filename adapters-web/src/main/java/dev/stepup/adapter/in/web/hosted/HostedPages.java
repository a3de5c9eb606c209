package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.scope.Scope;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
  private final FindEnvironmentsUseCase environments;

  HostedPages(CheckReturnAddressUseCase returnAddresses, FindEnvironmentsUseCase environments) {
    this.returnAddresses = returnAddresses;
    this.environments = environments;
  }

  /**
   * The scope a link names, with the words the page shows: a built-in, or one of this environment's
   * own scopes with its admin's description; empty for any other name (another environment's too).
   */
  Optional<Scope> scope(EnvironmentId environment, String wire) {
    return Scope.fromWire(wire)
        .flatMap(
            s ->
                s.isBuiltIn()
                    ? Optional.of(s)
                    : environments
                        .find(environment)
                        .filter(e -> e.settings().knows(s))
                        .map(e -> e.settings().scope(s)));
  }

  /** {@code scopes} with their words where this environment still defines them. */
  Set<Scope> described(EnvironmentId environment, Set<Scope> scopes) {
    Set<Scope> described = new TreeSet<>();
    for (Scope s : scopes) {
      described.add(scope(environment, s.wire()).orElse(s));
    }
    return described;
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
