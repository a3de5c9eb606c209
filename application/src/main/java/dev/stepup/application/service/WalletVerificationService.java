package dev.stepup.application.service;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.WalletChallengeSettings;
import dev.stepup.application.port.in.stepup.WalletStepUpUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.ProtectedActionGuard;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.WalletChallenges;
import dev.stepup.application.port.out.verification.WalletSignatures;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.wallet.SiweMessage;
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

  private static final int MAX_SIGNATURE = 200;
  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final String LINK_MARK = "link";

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final WalletChallenges challenges;
  private final WalletSignatures signatures;
  private final StepUpPolicy policy;
  private final WalletChallengeSettings settings;
  private final Verifications verifications;
  private final ProtectedActionGuard guard;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
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
      ProtectedActionGuard guard,
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
    this.settings = settings;
    this.guard = guard;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
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
        issue(
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

  /** Makes, stores and answers a challenge for {@code address} to sign within five minutes. */
  private WalletChallenge issue(
      SessionContext context,
      Acting acting,
      CredentialId walletId,
      String address,
      String statement,
      Set<String> marks,
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
            message);
    challenges.deleteExpiredBefore(now.minus(WalletChallenge.LIFETIME));
    challenges.add(challenge, marks);
    return challenge;
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

  // ---- linking an external wallet -------------------------------------------------------------

  @Override
  public Challenge linkChallenge(SessionContext context, String address) {
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
        issue(
            context,
            acting,
            future,
            lower,
            "Link this wallet to your account (credential:link).",
            Set.of(LINK_MARK),
            now);
    return new Challenge(challenge.id(), future, challenge.address(), challenge.message());
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
            .filter(c -> challenges.scopesOf(c.id()).contains(LINK_MARK))
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.UNKNOWN_CHALLENGE,
                        "No such wallet link challenge for this session; ask for a new one."));
    Optional<String> signer =
        signature == null || signature.length() > MAX_SIGNATURE
            ? Optional.empty()
            : signatures.recoverSigner(challenge.message(), signature.strip());
    switch (challenge.verify(signer, now)) {
      case ACCEPTED -> {}
      case WRONG_SIGNER ->
          throw linkRefused(
              context,
              acting,
              Refusal.INVALID_SIGNATURE,
              "The signature is not from " + challenge.address() + " over this message.");
      default ->
          throw linkRefused(
              context,
              acting,
              Refusal.CODE_EXPIRED,
              "This challenge has expired or was used; ask for a new one.");
    }
    String lower = challenge.address().toLowerCase(java.util.Locale.ROOT);
    ensureUnlinked(context, lower);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    if (!challenges.markUsed(challenge.id(), now)) {
      throw linkRefused(context, acting, Refusal.CODE_EXPIRED, "This challenge was already used.");
    }
    Credential credential =
        new Credential(
            challenge.walletId(),
            CredentialFormat.BLOCKCHAIN,
            lower,
            Optional.of(Credential.WALLET_EXTERNAL),
            Optional.of(Masking.address(challenge.address())),
            false,
            now,
            false);
    transactions.inTransaction(
        () -> {
          ensureUnlinked(context, lower);
          acting.user().addCredential(credential);
          users.save(acting.user());
          notifier.notify(
              acting.user(),
              SecurityNotice.CREDENTIAL_LINKED,
              SecurityNotifier.describe(credential));
        });
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, VerificationMethod.WALLET)
        .success(credential.id().value());
    return credential;
  }

  private void ensureUnlinked(SessionContext context, String lowerAddress) {
    if (users
        .findByCredential(context.environmentId(), CredentialFormat.BLOCKCHAIN, lowerAddress)
        .isPresent()) {
      throw new RefusedException(
          Refusal.CREDENTIAL_IN_USE, "This wallet is already linked to an account.");
    }
  }

  private RefusedException linkRefused(
      SessionContext context, Acting acting, Refusal refusal, String message) {
    audit
        .bySession(AuditEventType.CREDENTIAL_LINKED, context, acting, VerificationMethod.WALLET)
        .failure(refusal.code());
    return new RefusedException(refusal, message);
  }
}
