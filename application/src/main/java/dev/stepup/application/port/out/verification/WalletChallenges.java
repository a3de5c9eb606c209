package dev.stepup.application.port.out.verification;

import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;
import java.util.Optional;

/** Sign-In with Ethereum challenges awaiting a signature. */
public interface WalletChallenges {

  /** Stores the challenge with its purpose (a step-up for some scopes, or a link). */
  void add(WalletChallenge challenge);

  Optional<WalletChallenge> find(String challengeId);

  /**
   * Marks the challenge used if nobody did before; of concurrent calls exactly one answers true.
   */
  boolean markUsed(String challengeId, Instant now);

  /** Forgets challenges that expired before {@code cutoff}. */
  void deleteExpiredBefore(Instant cutoff);
}
