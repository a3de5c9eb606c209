package dev.stepup.domain.version;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.ScopeUses;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The MFA token of action-based MFA, as an elevated token: it was unscoped (good for every wallet
 * action, see {@link LegacyMfaAction#legacyTokenScopes()}), had no time limit of its own and was
 * single-use unless the client asked otherwise. Here it is bound to the session it was earned in,
 * and "no time limit" becomes the longest any elevated token lives ({@link #LIFETIME}), never past
 * the session's end.
 */
public final class LegacyMfaToken {

  /** The longest lifetime of any elevated token (1–15 minutes): a legacy token gets all of it. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** How a legacy token's id begins, so a protected action knows it without a lookup. */
  public static final String ID_PREFIX = "mfa";

  private LegacyMfaToken() {}

  /** Whether {@code id} names a legacy MFA token. */
  public static boolean isLegacy(ElevatedTokenId id) {
    return id.value().startsWith(ID_PREFIX + "_");
  }

  public static ElevatedToken issue(
      ElevatedTokenId id,
      EnvironmentId environmentId,
      UserId userId,
      Session session,
      VerificationMethod method,
      boolean singleUse,
      Instant now) {
    Objects.requireNonNull(session, "session");
    if (!isLegacy(id)) {
      throw new IllegalArgumentException("a legacy MFA token's id begins with " + ID_PREFIX + "_");
    }
    return new ElevatedToken(
        id,
        environmentId,
        userId,
        Optional.of(session.id()),
        LegacyMfaAction.legacyTokenScopes(),
        Optional.of(method),
        // The migration guide makes a legacy token good for one action: one use spends it whole.
        ScopeUses.wholeToken(LegacyMfaAction.legacyTokenScopes(), singleUse, null),
        now,
        expiry(session, now),
        null);
  }

  private static Instant expiry(Session session, Instant now) {
    Instant longest = now.plus(LIFETIME);
    return session.expiresAt().isBefore(longest) ? session.expiresAt() : longest;
  }
}
