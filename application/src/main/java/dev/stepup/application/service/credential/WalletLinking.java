package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.stepup.WalletChallengeIssuer;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Links an external wallet: a challenge to sign, then the signature and a credential:link token.
 */
public final class WalletLinking implements LinkWalletUseCase {

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("0x[0-9a-fA-F]{40}");

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final WalletChallenges challenges;
  private final WalletSignatures signatures;
  private final WalletChallengeIssuer issuer;
  private final AuthorizeProtectedActionUseCase guard;
  private final Audit audit;
  private final Clock clock;
  private final CredentialLinks links;

  public WalletLinking(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallenges challenges,
      WalletSignatures signatures,
      WalletChallengeIssuer issuer,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      Audit audit,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.challenges = challenges;
    this.signatures = signatures;
    this.issuer = issuer;
    this.guard = guard;
    this.audit = audit;
    this.links = new CredentialLinks(users, transactions, notifier, this.audit);
    this.clock = clock;
  }

  @Override
  public SignatureRequest linkChallenge(SessionContext context, String address) {
    if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
      throw new IllegalArgumentException("value: a 0x-prefixed 20-byte hex address");
    }
    String lower = address.strip().toLowerCase(java.util.Locale.ROOT);
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    ensureUnlinked(context, lower);
    // The challenge names the credential id the wallet will get once linked.
    CredentialId future = new CredentialId(RandomTokens.id("cred"));
    WalletChallenge challenge =
        issuer.issue(
            context,
            acting,
            future,
            lower,
            "Link this wallet to your account (credential:link).",
            new WalletChallenge.Purpose.Link(),
            now);
    return new SignatureRequest(challenge.id(), future, challenge.address(), challenge.message());
  }

  @Override
  public Credential link(
      SessionContext context,
      String challengeId,
      String signature,
      Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    WalletChallenge challenge =
        challenges
            .find(challengeId)
            .filter(c -> c.belongsTo(acting.session().id()))
            .filter(c -> c.purpose() instanceof WalletChallenge.Purpose.Link)
            .orElseThrow(() -> new RefusedException(RefusalReason.UNKNOWN_LINK_CHALLENGE));
    Optional<String> signer =
        signature == null || signature.length() > WalletChallengeIssuer.MAX_SIGNATURE
            ? Optional.empty()
            : signatures.recoverSigner(challenge.message(), signature.strip());
    switch (challenge.verify(signer, now)) {
      case ACCEPTED -> {}
      case WRONG_SIGNER ->
          throw linkRefused(
              context,
              acting,
              new RefusedException(RefusalReason.INVALID_SIGNATURE).about(challenge.address()));
      default ->
          throw linkRefused(
              context, acting, new RefusedException(RefusalReason.LINK_CHALLENGE_SPENT));
    }
    String lower = challenge.address().toLowerCase(java.util.Locale.ROOT);
    ensureUnlinked(context, lower);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    if (!challenges.markUsed(challenge.id(), now)) {
      throw linkRefused(context, acting, new RefusedException(RefusalReason.LINK_CHALLENGE_USED));
    }
    Credential credential =
        Credential.externalWallet(challenge.walletId(), challenge.address(), now);
    return links.link(
        context,
        acting,
        VerificationMethod.WALLET,
        credential,
        () -> ensureUnlinked(context, lower));
  }

  private void ensureUnlinked(SessionContext context, String lowerAddress) {
    if (users
        .findByCredential(context.environmentId(), CredentialFormat.BLOCKCHAIN, lowerAddress)
        .isPresent()) {
      throw new RefusedException(RefusalReason.WALLET_IN_USE);
    }
  }

  private RefusedException linkRefused(
      SessionContext context, Acting acting, RefusedException refused) {
    return links.refused(context, acting, VerificationMethod.WALLET, refused);
  }
}
