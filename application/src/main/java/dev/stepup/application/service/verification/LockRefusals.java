package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import java.time.Duration;
import java.util.Optional;

/** The refusals of a locked method and of a hard-locked user, with the time left. */
public final class LockRefusals {

  private LockRefusals() {}

  public static RefusedException locked(Duration remaining) {
    long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
    return new RefusedException(
        Refusal.TOO_MANY_ATTEMPTS,
        "Too many failed attempts. Try again in "
            + minutes
            + " minute"
            + (minutes == 1 ? "" : "s")
            + ".",
        Optional.of(remaining),
        null);
  }

  public static RefusedException hardLocked(Duration remaining) {
    long hours = Math.max(1, (remaining.toMinutes() + 59) / 60);
    return new RefusedException(
        Refusal.TOO_MANY_ATTEMPTS,
        "Too many failed attempts in a row: confirming actions on this account is blocked. Ask"
            + " support to unlock it, or try again in "
            + hours
            + " hour"
            + (hours == 1 ? "" : "s")
            + ".",
        Optional.of(remaining),
        null);
  }
}
