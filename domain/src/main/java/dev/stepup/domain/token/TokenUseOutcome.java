package dev.stepup.domain.token;

import dev.stepup.domain.scope.Scope;
import java.util.Optional;

/** What happened when a protected action presented an elevated token. */
public sealed interface TokenUseOutcome {

  /** The action may proceed; {@code spent} names the single-use scope this use spent, if any. */
  record Accepted(Optional<Scope> spent) implements TokenUseOutcome {
    public Accepted {
      java.util.Objects.requireNonNull(spent, "spent");
    }

    /** Whether this use spent a single-use scope. */
    public boolean consumed() {
      return spent.isPresent();
    }
  }

  /** The action must not proceed. */
  record Refused(Reason reason) implements TokenUseOutcome {}

  /** The refusal a token in {@code state} gets whatever the use; empty while it is active. */
  static Optional<TokenUseOutcome> refusedWhen(TokenState state) {
    return switch (state) {
      case ACTIVE -> Optional.empty();
      case CONSUMED -> Optional.of(new Refused(Reason.CONSUMED));
      case EXPIRED -> Optional.of(new Refused(Reason.EXPIRED));
      case REVOKED -> Optional.of(new Refused(Reason.REVOKED));
    };
  }

  /** Why a token was refused, in the order they are checked. */
  enum Reason {
    /** Issued in another environment. */
    WRONG_ENVIRONMENT,
    /** Issued for another session or user than the one acting. */
    WRONG_SUBJECT,
    REVOKED,
    CONSUMED,
    EXPIRED,
    /** Valid, but not for this scope. */
    SCOPE_NOT_GRANTED,
    /** Spent without naming a scope, though it has several single-use scopes to choose from. */
    SCOPE_REQUIRED
  }
}
