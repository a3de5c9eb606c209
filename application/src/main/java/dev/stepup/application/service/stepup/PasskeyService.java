package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.PasskeyChallenges;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Kind;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Pending;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies.WebAuthnFailure;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
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
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passkeys as MFA: registration is an enrolment (protected by {@code credential:link}, revokes
 * earlier tokens, first MFA brings recovery codes); assertion is a step-up verification whose
 * signature counter must move forward.
 */
public final class PasskeyService implements PasskeyUseCase {

  /** How long a browser has to answer a WebAuthn prompt. */
  static final Duration CEREMONY_LIFETIME = Duration.ofMinutes(5);

  private static final int MAX_ALIAS = 64;

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final Passkeys passkeys;
  private final PasskeyPrompts prompts;
  private final PasskeyEnrolments stored;
  private final WebAuthnCeremonies webAuthn;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final StepUpPolicy policy;
  private final Verifications verifications;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  public PasskeyService(
      Environments environments,
      Sessions sessions,
      Users users,
      Passkeys passkeys,
      PasskeyChallenges challenges,
      WebAuthnCeremonies webAuthn,
      RecoveryCodeStore recoveryCodes,
      SecretHasher hasher,
      ElevatedTokens tokens,
      AuthorizeProtectedActionUseCase guard,
      TokenMint mint,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      StepUpPolicy policy,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.passkeys = passkeys;
    this.prompts = new PasskeyPrompts(challenges);
    this.stored =
        new PasskeyEnrolments(
            users, passkeys, recoveryCodes, hasher, tokens, transactions, notifier);
    this.webAuthn = webAuthn;
    this.guard = guard;
    this.transactions = transactions;
    this.policy = policy;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.verifications = new Verifications(mint, transactions, limiter, audit, clock);
    this.clock = clock;
  }

  /** The WebAuthn user handle: the opaque user id, which holds nothing personal. */
  public static String userHandle(UserId userId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(userId.value().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Options registrationOptions(
      SessionContext context, Optional<String> alias, Optional<String> elevatedToken) {
    String name = alias.map(String::strip).filter(a -> !a.isEmpty()).orElse("Passkey");
    if (name.length() > MAX_ALIAS) {
      throw new IllegalArgumentException("alias: at most " + MAX_ALIAS + " characters");
    }
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    if (!acting.environment().settings().isEnabled(VerificationMethod.PASSKEY)) {
      throw Refusals.of(VerificationPermission.Reason.METHOD_DISABLED);
    }
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    User user = acting.user();
    String account =
        user.credentials().stream()
            .filter(c -> c.format() == CredentialFormat.EMAIL)
            .map(Credential::identifier)
            .findFirst()
            .orElse(user.id().value());
    WebAuthnCeremonies.Ceremony ceremony =
        webAuthn.registrationOptions(
            userHandle(user.id()),
            account,
            account,
            passkeys.forUser(user.id()).stream()
                .filter(p -> user.credential(p.id()).isPresent())
                .map(Passkey::webauthnId)
                .toList());
    return prompts.remember(acting, Kind.REGISTRATION, ceremony, name, now);
  }

  @Override
  public Registered register(SessionContext context, String challengeId, String credentialJson) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    Pending pending = prompts.take(acting, challengeId, Kind.REGISTRATION, now);
    WebAuthnCeremonies.NewCredential created;
    try {
      created = webAuthn.register(pending.request(), credentialJson);
    } catch (WebAuthnFailure e) {
      enrolment(context, acting).failure(Refusal.PASSKEY_REJECTED.code());
      throw new RefusedException(
          Refusal.PASSKEY_REJECTED, "The passkey could not be verified; try again.");
    }
    // A record whose credential this user removed is stale: the authenticator may come back.
    Optional<Passkey> stale =
        passkeys
            .findByWebauthnId(created.webauthnId())
            .filter(p -> p.userId().equals(acting.user().id()))
            .filter(p -> acting.user().credential(p.id()).isEmpty());
    if (stale.isEmpty() && passkeys.findByWebauthnId(created.webauthnId()).isPresent()) {
      throw new RefusedException(Refusal.CREDENTIAL_IN_USE, "This passkey is already registered.");
    }
    Registered registered = stored.store(acting, pending, created, stale, now);
    enrolment(context, acting).success(registered.credentialId().value());
    return registered;
  }

  @Override
  public Options assertionOptions(SessionContext context) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    Refusals.require(
        policy.permitMethod(
            acting.environment().settings(), acting.user(), VerificationMethod.PASSKEY));
    verifications.ensureNotLocked(acting, VerificationMethod.PASSKEY);
    Set<CredentialId> held = held(acting);
    List<String> allowed =
        passkeys.forUser(acting.user().id()).stream()
            .filter(p -> held.contains(p.id()))
            .map(Passkey::webauthnId)
            .toList();
    if (allowed.isEmpty()) {
      throw Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    WebAuthnCeremonies.Ceremony ceremony =
        webAuthn.assertionOptions(userHandle(acting.user().id()), allowed);
    return prompts.remember(acting, Kind.ASSERTION, ceremony, "", now);
  }

  @Override
  public IssuedElevatedToken verify(
      SessionContext context, String challengeId, String credentialJson, Set<Scope> scopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    VerificationMethod method = VerificationMethod.PASSKEY;
    Pending pending = prompts.take(acting, challengeId, Kind.ASSERTION, now);
    verifications.permitted(
        context,
        acting,
        method,
        scopes,
        policy.permitMethod(acting.environment().settings(), acting.user(), method));
    AttemptLimiter.Attempt attempt = verifications.begin(context, acting, method, scopes);
    UserId owner = acting.user().id();
    // Only a passkey the user still holds verifies, even if a record of another were left.
    Set<CredentialId> held = held(acting);
    WebAuthnCeremonies.VerifiedAssertion verified;
    try {
      verified =
          webAuthn.assertion(
              pending.request(),
              credentialJson,
              (webauthnId, handle) ->
                  passkeys
                      .findByWebauthnId(webauthnId)
                      .filter(p -> p.userId().equals(owner))
                      .filter(p -> held.contains(p.id()))
                      .filter(p -> p.userHandle().equals(handle))
                      .map(
                          p ->
                              new WebAuthnCeremonies.StoredKey(
                                  p.webauthnId(),
                                  p.userHandle(),
                                  p.publicKeyCose(),
                                  p.signCount())));
    } catch (WebAuthnFailure e) {
      throw verifications.failed(
          attempt,
          context,
          acting,
          method,
          scopes,
          Refusal.PASSKEY_REJECTED,
          "The passkey could not be verified; try again.",
          true);
    }
    Passkey passkey =
        passkeys
            .findByWebauthnId(verified.webauthnId())
            .filter(p -> p.userId().equals(owner))
            .filter(p -> held.contains(p.id()))
            .orElseThrow(() -> new NotFoundException("passkey", verified.webauthnId()));
    if (!passkey.acceptsCounter(verified.reportedSignCount())
        || !passkeys.advanceCounter(
            passkey.id(), passkey.signCount(), verified.reportedSignCount(), now)) {
      acting
          .user()
          .credential(passkey.id())
          .ifPresent(
              key ->
                  notifier.notify(
                      acting.user(),
                      SecurityNotice.PASSKEY_COUNTER_REGRESSED,
                      SecurityNotifier.describe(key)));
      throw verifications.failed(
          attempt,
          context,
          acting,
          method,
          scopes,
          Refusal.PASSKEY_COUNTER_REGRESSED,
          "This passkey's signature counter went backwards, a sign it may have been copied."
              + " Use another method and remove this passkey.",
          true);
    }
    return verifications.succeed(attempt, context, acting, method, scopes);
  }

  /** The passkey credentials an assertion may use for this user now (the policy decides). */
  private Set<CredentialId> held(Acting acting) {
    return policy
        .credentialsFor(acting.environment().settings(), acting.user(), VerificationMethod.PASSKEY)
        .stream()
        .map(Credential::id)
        .collect(Collectors.toSet());
  }

  private Audit.Entry enrolment(SessionContext context, Acting acting) {
    return audit
        .event(AuditEventType.MFA_ENROLLED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(VerificationMethod.PASSKEY));
  }
}
