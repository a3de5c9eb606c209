package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
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
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Passkey registration, an MFA enrolment: protected by {@code credential:link}, it revokes earlier
 * tokens, and a first MFA device brings recovery codes. Step-up by passkey is {@link
 * StartPasskeyStepUpService} and {@link PasskeyProofChecker}.
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
      TransactionRunner transactions,
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
    this.audit = new Audit(auditTrail, clock);
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
      throw new RefusedException(RefusalReason.PASSKEY_REJECTED);
    }
    // A record whose credential this user removed is stale: the authenticator may come back.
    Optional<Passkey> stale =
        passkeys
            .findByWebauthnId(created.webauthnId())
            .filter(p -> p.userId().equals(acting.user().id()))
            .filter(p -> acting.user().credential(p.id()).isEmpty());
    if (stale.isEmpty() && passkeys.findByWebauthnId(created.webauthnId()).isPresent()) {
      throw new RefusedException(RefusalReason.PASSKEY_ALREADY_REGISTERED);
    }
    Registered registered = stored.store(acting, pending, created, stale, now);
    enrolment(context, acting).success(registered.credentialId().value());
    return registered;
  }

  private Audit.Entry enrolment(SessionContext context, Acting acting) {
    return audit
        .event(AuditEventType.MFA_ENROLLED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(VerificationMethod.PASSKEY));
  }
}
