package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.security.SealBrowserSecretsUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A started TOTP enrolment, kept on the server (the HTTP session, shared by every node through the
 * database) until the user confirms it with a code; tied to the hosted session that started it. The
 * secret and its QR code are sealed with the master key in the session, so the session table never
 * holds them readable. The secret is shown in the answer that made it and on a failed confirmation,
 * never elsewhere.
 */
@Component
class TotpEnrolments {

  private static final String KEY = "stepup.hosted.account.totp";

  /** How long a started TOTP enrolment can be confirmed (the service's own window is 15 min). */
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  /** A started TOTP enrolment, as the page shows it. */
  record Enrolment(
      String environmentId,
      String sessionId,
      String deviceId,
      String secret,
      byte[] qrCodePng,
      Instant createdAt) {
    @Override
    public String toString() {
      return "Enrolment[deviceId=" + deviceId + "]";
    }
  }

  /** A started TOTP enrolment as kept in the session: secret and QR code sealed. */
  record Kept(
      String environmentId,
      String sessionId,
      String deviceId,
      byte[] sealedSecret,
      byte[] sealedQrCode,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Kept[deviceId=" + deviceId + "]";
    }
  }

  private final Clock clock;
  private final SealBrowserSecretsUseCase seals;

  TotpEnrolments(Clock clock, SealBrowserSecretsUseCase seals) {
    this.clock = clock;
    this.seals = seals;
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
    request
        .getSession(true)
        .setAttribute(
            KEY,
            new Kept(
                enrolment.environmentId(),
                enrolment.sessionId(),
                enrolment.deviceId(),
                seals.seal(enrolment.secret()),
                seals.seal(Base64.getEncoder().encodeToString(enrolment.qrCodePng())),
                enrolment.createdAt()));
    return enrolment;
  }

  Optional<Enrolment> find(HttpServletRequest request, SessionContext context) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(KEY) instanceof Kept kept)) {
      return Optional.empty();
    }
    return Optional.of(kept)
        .filter(e -> e.environmentId().equals(context.environmentId().value()))
        .filter(e -> e.sessionId().equals(context.sessionId().value()))
        .filter(e -> clock.instant().isBefore(e.createdAt().plus(LIFETIME)))
        .flatMap(this::open);
  }

  private Optional<Enrolment> open(Kept kept) {
    Optional<String> secret = seals.open(kept.sealedSecret());
    Optional<String> qr = seals.open(kept.sealedQrCode());
    if (secret.isEmpty() || qr.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Enrolment(
            kept.environmentId(),
            kept.sessionId(),
            kept.deviceId(),
            secret.get(),
            Base64.getDecoder().decode(qr.get()),
            kept.createdAt()));
  }

  void drop(HttpServletRequest request) {
    request.getSession(true).removeAttribute(KEY);
  }
}
