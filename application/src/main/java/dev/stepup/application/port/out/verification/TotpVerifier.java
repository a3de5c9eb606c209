package dev.stepup.application.port.out.verification;

import java.time.Instant;
import java.util.OptionalLong;

/** RFC 6238 time-based one-time passwords. */
public interface TotpVerifier {

  /** A new random shared secret. */
  byte[] newSecret();

  /**
   * The time step (seconds since the epoch / 30) whose code equals {@code code}, looking at the
   * step of {@code now} and the one before it (never a later one); empty when none matches. The
   * caller refuses steps it has already accepted, so a code works once.
   */
  OptionalLong matchingTimeStep(byte[] secret, String code, Instant now);
}
