package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.SessionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A started TOTP enrolment, kept on the server (the HTTP session) until the user confirms it with a
 * code; tied to the hosted session that started it. The secret is shown in the answer that made it
 * and on a failed confirmation, never elsewhere.
 */
@Component
class TotpEnrolments {

  private static final String KEY = "stepup.hosted.account.totp";

  /** How long a started TOTP enrolment can be confirmed (the service's own window is 15 min). */
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  /** A started TOTP enrolment. */
  record Enrolment(
      String environmentId,
      String sessionId,
      String deviceId,
      String secret,
      byte[] qrCodePng,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Enrolment[deviceId=" + deviceId + "]";
    }
  }

  private final Clock clock;

  TotpEnrolments(Clock clock) {
    this.clock = clock;
  }

  Enrolment keep(HttpServletRequest request, SessionContext context, TotpEnrolment started) {
    Enrolment enrolment =
        new Enrolment(
            context.environmentId().value(),
            context.sessionId().value(),
            started.deviceId().value(),
            started.secretBase32(),
            started.qrCodePng(),
            clock.instant());
    request.getSession(true).setAttribute(KEY, enrolment);
    return enrolment;
  }

  Optional<Enrolment> find(HttpServletRequest request, SessionContext context) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(KEY) instanceof Enrolment enrolment)) {
      return Optional.empty();
    }
    return Optional.of(enrolment)
        .filter(e -> e.environmentId().equals(context.environmentId().value()))
        .filter(e -> e.sessionId().equals(context.sessionId().value()))
        .filter(e -> clock.instant().isBefore(e.createdAt().plus(LIFETIME)));
  }

  void drop(HttpServletRequest request) {
    request.getSession(true).removeAttribute(KEY);
  }
}
