package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.WalletChallengeSettings;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.wallet.SiweMessage;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Instant;

/**
 * Makes and stores a Sign-In with Ethereum challenge for a wallet, for step-up and linking alike: a
 * single-use nonce, this server's domain and URI, and a five-minute expiry.
 */
public final class WalletChallengeIssuer {

  /** A signature is 65 bytes of hex; anything much longer is not one. */
  public static final int MAX_SIGNATURE = 200;

  private final WalletChallenges challenges;
  private final WalletSignatures signatures;
  private final WalletChallengeSettings settings;

  public WalletChallengeIssuer(
      WalletChallenges challenges, WalletSignatures signatures, WalletChallengeSettings settings) {
    this.challenges = challenges;
    this.signatures = signatures;
    this.settings = settings;
  }

  /** Makes, stores and answers a challenge for {@code address} to sign within five minutes. */
  public WalletChallenge issue(
      SessionContext context,
      Acting acting,
      CredentialId walletId,
      String address,
      String statement,
      WalletChallenge.Purpose purpose,
      Instant now) {
    SiweMessage message =
        new SiweMessage(
            settings.domain(),
            signatures.checksumAddress(address),
            statement,
            settings.uri(),
            settings.chainId(),
            RandomTokens.id("n").substring(2),
            now,
            now.plus(WalletChallenge.LIFETIME));
    WalletChallenge challenge =
        WalletChallenge.issue(
            RandomTokens.id("wch"),
            context.environmentId(),
            acting.user().id(),
            acting.session().id(),
            walletId,
            message,
            purpose);
    challenges.deleteExpiredBefore(now.minus(WalletChallenge.LIFETIME));
    challenges.add(challenge);
    return challenge;
  }
}
