package dev.stepup.domain.mfa;

import java.time.Duration;
import java.time.Instant;

/** What a TOTP code that matched some time step amounts to (see {@link TotpDevice#check}). */
public enum TotpCheck {
  ACCEPTED,
  /** The step was accepted before: the code was right once, and is answered like a wrong one. */
  REPLAYED,
  /** Not the current step nor the one before: answered like a wrong code. */
  OUTSIDE_WINDOW;

  /** RFC 6238 time step. */
  public static final Duration STEP = Duration.ofSeconds(30);

  /** How many steps back a code is still accepted, for clocks and slow typing; none ahead. */
  public static final int STEPS_BACK = 1;

  /** The time step {@code now} falls in. */
  public static long stepAt(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), STEP.getSeconds());
  }
}
