package dev.stepup.domain.externalauth;

import java.util.Objects;

/** Whether a provider's verified token may become a session here, and if not, why. */
public sealed interface ExchangeVerdict permits ExchangeVerdict.Accepted, ExchangeVerdict.Refused {

  /** Why a token is refused. */
  enum Why {
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    NO_EXPIRY,
    EXPIRED,
    NOT_YET_VALID,
    BAD_SUBJECT
  }

  /** The token may be exchanged. */
  record Accepted() implements ExchangeVerdict {}

  /** The token may not be exchanged. */
  record Refused(Why why) implements ExchangeVerdict {
    public Refused {
      Objects.requireNonNull(why, "why");
    }
  }

  static ExchangeVerdict refused(Why why) {
    return new Refused(why);
  }
}
