package dev.stepup.application.service.mfa;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.QrCodes;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.mfa.TotpProvisioning;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Enrolling an authenticator app (TOTP): a pending device whose secret is shown once, confirmed by
 * a first code; the user's first MFA device comes with recovery codes.
 */
final class TotpEnrolments {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final TotpDevices devices;
  private final RecoveryCodeStore recoveryCodes;
  private final ElevatedTokens tokens;
  private final TotpVerifier totp;
  private final TotpProvisioning provisioning;
  private final QrCodes qrCodes;
  private final SecretCipher cipher;
  private final SecretHasher hasher;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final AttemptLimiter limiter;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  TotpEnrolments(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices devices,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      TotpVerifier totp,
      TotpProvisioning provisioning,
      QrCodes qrCodes,
      SecretCipher cipher,
      SecretHasher hasher,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      SecurityNotifier notifier,
      Audit audit,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.devices = devices;
    this.recoveryCodes = recoveryCodes;
    this.tokens = tokens;
    this.totp = totp;
    this.provisioning = provisioning;
    this.qrCodes = qrCodes;
    this.cipher = cipher;
    this.hasher = hasher;
    this.guard = guard;
    this.transactions = transactions;
    this.limiter = limiter;
    this.notifier = notifier;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts a pending device named {@code name} (checked by the command). */
  TotpEnrolment start(SessionContext context, String name, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    if (!acting.environment().settings().isEnabled(VerificationMethod.TOTP)) {
      throw Refusals.of(VerificationPermission.Reason.METHOD_DISABLED);
    }
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    byte[] secret = totp.newSecret();
    TotpDevice device =
        TotpDevice.pending(
            new CredentialId(RandomTokens.id("cred")),
            acting.user().id(),
            name,
            cipher.encrypt(secret),
            now);
    devices.deletePendingCreatedBefore(now.minus(MfaService.ENROLMENT_WINDOW));
    devices.add(device);
    String account =
        acting.user().credentials().stream()
            .filter(c -> c.format() == CredentialFormat.EMAIL)
            .map(Credential::identifier)
            .findFirst()
            .orElse(acting.user().id().value());
    String uri =
        provisioning.otpauthUri("Step-up (" + acting.environment().name() + ")", account, secret);
    return new TotpEnrolment(device.id(), provisioning.base32(secret), uri, qrCodes.png(uri));
  }

  List<String> confirm(SessionContext context, CredentialId deviceId, String code) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    TotpDevice device =
        devices
            .find(deviceId)
            .filter(d -> d.userId().equals(acting.user().id()))
            .orElseThrow(() -> new NotFoundException("TOTP device", deviceId));
    if (device.isConfirmed()) {
      throw new RefusedException(RefusalReason.ALREADY_CONFIRMED);
    }
    if (!now.isBefore(device.createdAt().plus(MfaService.ENROLMENT_WINDOW))) {
      throw new RefusedException(RefusalReason.ENROLMENT_EXPIRED);
    }
    AttemptLimiter.Attempt attempt =
        limiter.begin(context, acting.user().id(), VerificationMethod.TOTP);
    String typed = code;
    OptionalLong step =
        typed.matches("[0-9]{6}")
            ? totp.matchingTimeStep(cipher.decrypt(device.encryptedSecret()), typed, now)
            : OptionalLong.empty();
    if (step.isEmpty()) {
      Optional<Duration> lock = limiter.failed(attempt);
      if (lock.isPresent()) {
        throw AttemptLimiter.locked(lock.get());
      }
      throw new RefusedException(RefusalReason.INVALID_ENROLMENT_CODE);
    }
    boolean firstMfa = !acting.user().hasMfa();
    List<String> issued =
        firstMfa && !recoveryCodes.hasAny(acting.user().id())
            ? RecoveryMaterial.generate()
            : List.of();
    transactions.inTransaction(
        () -> {
          if (!devices.confirm(deviceId, step.getAsLong(), now)) {
            throw new RefusedException(RefusalReason.ALREADY_CONFIRMED);
          }
          User user = acting.user();
          user.addCredential(Credential.totp(deviceId, device.alias(), now));
          users.save(user);
          if (!issued.isEmpty()) {
            recoveryCodes.replace(
                acting.user().id(),
                RecoveryMaterial.digests(hasher, acting.user().id(), issued),
                now);
          }
          // Tokens earned before MFA were earned under weaker rules.
          tokens.revokeAllForUser(user.id(), now);
          user.credential(deviceId)
              .ifPresent(
                  added ->
                      notifier.notify(
                          user, SecurityNotice.MFA_DEVICE_ADDED, SecurityNotifier.describe(added)));
        });
    limiter.succeeded(attempt);
    audit
        .event(AuditEventType.MFA_ENROLLED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(VerificationMethod.TOTP))
        .success(deviceId.value());
    return issued;
  }
}
