package dev.stepup.application.port.in.admin;

import java.time.Duration;

/** How an admin's authenticator code was judged. */
public sealed interface SecondFactorOutcome {

  /** The code was right and is now spent. */
  record Accepted() implements SecondFactorOutcome {}

  /** The code was wrong, already used, or there is nothing to check it against. */
  record Rejected() implements SecondFactorOutcome {}

  /** Too many wrong codes recently; codes are not checked for {@code remaining}. */
  record Throttled(Duration remaining) implements SecondFactorOutcome {}
}
