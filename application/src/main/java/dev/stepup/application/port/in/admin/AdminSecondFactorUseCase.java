package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.time.Duration;

/**
 * Every console admin's second factor, an authenticator app (TOTP): enrolled at first sign-in,
 * asked after the password and again before destructive actions. A code is accepted once (a later
 * step only), and wrong codes are throttled per admin and per client like passwords.
 */
public interface AdminSecondFactorUseCase {

  /** Whether the admin has enrolled an authenticator app. */
  boolean enrolled(String username);

  /** A new secret to show the admin; it is kept (sealed) by the caller until confirmed. */
  TotpEnrolment startEnrolment(String username);

  /** Enrols the secret of {@link #startEnrolment} when {@code code} matches it. */
  SecondFactorOutcome confirmEnrolment(
      String username, byte[] sealedSecret, String code, RequestOrigin origin);

  /** Checks a current code of the admin's enrolled authenticator app. */
  SecondFactorOutcome verify(String username, String code, RequestOrigin origin);

  /** What the enrolment page shows: the key as typed, the otpauth URI and its QR code. */
  record TotpEnrolment(byte[] sealedSecret, String key, String otpauthUri) {}

  /** How a code was judged. */
  sealed interface SecondFactorOutcome {
    /** The code was right and is now spent. */
    record Accepted() implements SecondFactorOutcome {}

    /** The code was wrong, already used, or there is nothing to check it against. */
    record Rejected() implements SecondFactorOutcome {}

    /** Too many wrong codes recently; codes are not checked for {@code remaining}. */
    record Throttled(Duration remaining) implements SecondFactorOutcome {}
  }
}
