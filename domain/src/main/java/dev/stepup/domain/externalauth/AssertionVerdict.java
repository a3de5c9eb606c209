package dev.stepup.domain.externalauth;

import java.util.Objects;

/** Whether a backend's signed assertion may be used, and if not, why. */
public sealed interface AssertionVerdict
    permits AssertionVerdict.Accepted, AssertionVerdict.Refused {

  /** Why an assertion is refused. */
  enum Why {
    WRONG_CLIENT,
    WRONG_AUDIENCE,
    EXPIRED,
    LIVES_TOO_LONG,
    NOT_YET_VALID,
    NO_JTI
  }

  /** The assertion may be used (once: its jti is then spent). */
  record Accepted() implements AssertionVerdict {}

  /** The assertion may not be used. */
  record Refused(Why why) implements AssertionVerdict {
    public Refused {
      Objects.requireNonNull(why, "why");
    }
  }
}
