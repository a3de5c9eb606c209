package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.WalletChallengeSettings;
import dev.stepup.application.port.in.stepup.WalletStepUpUseCase;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.credential.WalletLinking;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.Verifications;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.wallet.WalletChallenge;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step-up by an external wallet: the user's wallet signs a Sign-In with Ethereum message naming the
 * action; the signer recovered from the signature must be the challenged address.
 */
public final class WalletVerificationService implements WalletStepUpUseCase, LinkWalletUseCase {

  private static final int MAX_SIGNATURE = WalletChallengeIssuer.MAX_SIGNATURE;
  private static final String LINK_MARK = WalletChallengeIssuer.LINK_MARK;

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final WalletChallenges challenges;
  private final WalletSignatures signatures;
  private final StepUpPolicy policy;
  private final Verifications verifications;
  private final WalletChallengeIssuer issuer;
  private final WalletLinking linking;
  private final Audit audit;
  private final Clock clock;

  public WalletVerificationService(
      Environments environments,
      Sessions sessions,
      Users users,
      WalletChallenges challenges,
      WalletSignatures signatures,
      TokenMint mint,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      WalletChallengeSettings settings,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.challenges = challenges;
    this.signatures = signatures;
    this.policy = policy;
    this.issuer = new WalletChallengeIssuer(challenges, signatures, settings);
    this.audit = new Audit(auditTrail, clock);
    this.linking =
        new WalletLinking(
            environments,
            sessions,
            users,
            challenges,
            signatures,
            issuer,
            guard,
            transactions,
            notifier,
            audit,
            clock);
    this.verifications = new Verifications(mint, transactions, limiter, audit, clock);
    this.clock = clock;
  }

  @Override
  public Challenge challenge(
      SessionContext context, Optional<CredentialId> walletId, Set<Scope> scopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    Credential wallet = wallet(acting, walletId);
    Refusals.require(
        policy.permitCredential(acting.environment().settings(), acting.user(), wallet));
    verifications.ensureNotLocked(acting, VerificationMethod.WALLET);
    WalletChallenge challenge =
        issuer.issue(
            context,
            acting,
            wallet.id(),
            wallet.identifier(),
            statement(scopes),
            scopes.stream().map(Scope::wire).collect(Collectors.toSet()),
            now);
    return new Challenge(challenge.id(), wallet.id(), challenge.address(), challenge.message());
  }

  /** The wallet to sign with: the one asked for, else the one the policy prefers. */
  private Credential wallet(Acting acting, Optional<CredentialId> requested) {
    if (requested.isPresent()) {
      Credential credential =
          acting
              .user()
              .credential(requested.get())
              .filter(c -> c.format() == CredentialFormat.BLOCKCHAIN)
              .orElseThrow(
                  () ->
                      new RefusedException(
                          Refusal.CREDENTIAL_NOT_ELIGIBLE,
                          "That is not a wallet of this account."));
      // The caller asks the policy whether this wallet may verify (never an embedded one).
      return credential;
    }
    var settings = acting.environment().settings();
    Refusals.require(policy.permitMethod(settings, acting.user(), VerificationMethod.WALLET));
    return policy
        .preferredCredential(settings, acting.user(), acting.session(), VerificationMethod.WALLET)
        .orElseThrow(() -> Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL));
  }

  static String statement(Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      return "Confirm it is you to continue with a protected action.";
    }
    return "Confirm it is you to "
        + scopes.stream()
            .sorted()
            .map(s -> s.action() + " (" + s.wire() + ")")
            .collect(Collectors.joining(" and "))
        + ".";
  }

  @Override
  public IssuedElevatedToken verify(
      SessionContext context, String challengeId, String signature, Set<Scope> requestedScopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    VerificationMethod method = VerificationMethod.WALLET;
    WalletChallenge challenge =
        challenges
            .find(challengeId)
            .filter(c -> c.belongsTo(acting.session().id()))
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.UNKNOWN_CHALLENGE,
                        "No such wallet challenge for this session; ask for a new one."));
    Set<String> named = challenges.scopesOf(challengeId);
    if (named.contains(LINK_MARK)) {
      throw new RefusedException(
          Refusal.UNKNOWN_CHALLENGE, "This challenge links a wallet; it cannot verify a step-up.");
    }
    if (!named.isEmpty() && !requestedScopes.stream().map(Scope::wire).allMatch(named::contains)) {
      throw new IllegalArgumentException(
          "requestedScopes: the signed message named only " + String.join(", ", named));
    }
    Credential wallet =
        acting
            .user()
            .credential(challenge.walletId())
            .orElseThrow(() -> Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL));
    verifications.permitted(
        context,
        acting,
        method,
        requestedScopes,
        policy.permitCredential(acting.environment().settings(), acting.user(), wallet));
    AttemptLimiter.Attempt attempt = verifications.begin(context, acting, method, requestedScopes);
    Optional<String> signer =
        signature == null || signature.length() > MAX_SIGNATURE
            ? Optional.empty()
            : signatures.recoverSigner(challenge.message(), signature.strip());
    switch (challenge.verify(signer, now)) {
      case ACCEPTED -> {
        if (!challenges.markUsed(challenge.id(), now)) {
          throw verifications.failed(
              attempt,
              context,
              acting,
              method,
              requestedScopes,
              Refusal.CODE_EXPIRED,
              "This challenge was already used; ask for a new one.",
              false);
        }
        return verifications.succeed(attempt, context, acting, method, requestedScopes);
      }
      case ALREADY_USED ->
          throw verifications.failed(
              attempt,
              context,
              acting,
              method,
              requestedScopes,
              Refusal.CODE_EXPIRED,
              "This challenge was already used; ask for a new one.",
              false);
      case EXPIRED ->
          throw verifications.failed(
              attempt,
              context,
              acting,
              method,
              requestedScopes,
              Refusal.CODE_EXPIRED,
              "This challenge has expired; ask for a new one.",
              false);
      case WRONG_SIGNER ->
          throw verifications.failed(
              attempt,
              context,
              acting,
              method,
              requestedScopes,
              Refusal.INVALID_SIGNATURE,
              "The signature is not from " + challenge.address() + " over this message.",
              true);
      default -> throw new IllegalStateException("unhandled outcome");
    }
  }

  @Override
  public Challenge linkChallenge(SessionContext context, String address) {
    return linking.linkChallenge(context, address);
  }

  @Override
  public Credential link(
      SessionContext context,
      String challengeId,
      String signature,
      Optional<String> elevatedToken) {
    return linking.link(context, challengeId, signature, elevatedToken);
  }
}
