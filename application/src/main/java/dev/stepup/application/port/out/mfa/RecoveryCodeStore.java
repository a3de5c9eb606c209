package dev.stepup.application.port.out.mfa;

import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Digests of a user's recovery codes; each code can be spent once. */
public interface RecoveryCodeStore {

  /** Replaces the user's codes with these digests; the old set stops working. */
  void replace(UserId userId, List<String> digests, Instant at);

  /** Spends the unused code with this digest; returns whether one was spent (exactly once). */
  boolean spend(UserId userId, String digest, Instant at);

  /** Whether the user has a code with this digest that was already spent (a replay). */
  boolean isSpent(UserId userId, String digest);

  int unusedCount(UserId userId);

  boolean hasAny(UserId userId);
}
