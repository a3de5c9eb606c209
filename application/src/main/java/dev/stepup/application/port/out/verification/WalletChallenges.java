package dev.stepup.application.port.out.verification;

import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Sign-In with Ethereum challenges awaiting a signature. */
public interface WalletChallenges {

  /**
   * @param scopes the scopes named in the challenge's statement; a verification may ask for no
   *     others
   */
  void add(WalletChallenge challenge, Set<String> scopes);

  Optional<WalletChallenge> find(String challengeId);

  /** The scopes the challenge was issued for, in wire form. */
  Set<String> scopesOf(String challengeId);

  /**
   * Marks the challenge used if nobody did before; of concurrent calls exactly one answers true.
   */
  boolean markUsed(String challengeId, Instant now);

  /** Forgets challenges that expired before {@code cutoff}. */
  void deleteExpiredBefore(Instant cutoff);
}
