package dev.stepup.application.service.verification;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import java.time.Duration;

/** The refusals of a locked method and of a hard-locked user, with the time left. */
public final class LockRefusals {

  private LockRefusals() {}

  public static RefusedException locked(Duration remaining) {
    return new RefusedException(RefusalReason.METHOD_LOCKED).retryAfter(remaining);
  }

  public static RefusedException hardLocked(Duration remaining) {
    return new RefusedException(RefusalReason.ACCOUNT_LOCKED).retryAfter(remaining);
  }
}
