package dev.stepup.application.service.mfa;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ManageMfaUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.ProtectedActionGuard;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
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
import dev.stepup.application.port.out.verification.FailureTallies;
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
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** TOTP enrolment, recovery codes and the default MFA device. */
public final class MfaService implements ManageMfaUseCase {

  /** A pending TOTP device must be confirmed within this time. */
  public static final Duration ENROLMENT_WINDOW = Duration.ofMinutes(15);

  private static final int MAX_ALIAS = 60;

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
  private final ProtectedActionGuard guard;
  private final TransactionRunner transactions;
  private final AttemptLimiter limiter;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  public MfaService(
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
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      FailureTallies tallies,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
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
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.limiter = new AttemptLimiter(tallies, audit, clock);
    this.clock = clock;
  }

  @Override
  public TotpEnrolment startTotpEnrolment(
      SessionContext context, Optional<String> alias, Optional<String> elevatedToken) {
    String name = alias.map(String::strip).filter(a -> !a.isEmpty()).orElse("Authenticator app");
    if (name.length() > MAX_ALIAS) {
      throw new IllegalArgumentException("alias: at most " + MAX_ALIAS + " characters");
    }
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    if (!acting.environment().settings().isEnabled(VerificationMethod.TOTP)) {
      throw Refusals.of(dev.stepup.domain.policy.VerificationPermission.Reason.METHOD_DISABLED);
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
    devices.deletePendingCreatedBefore(now.minus(ENROLMENT_WINDOW));
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

  @Override
  public List<String> confirmTotp(SessionContext context, CredentialId deviceId, String code) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    TotpDevice device =
        devices
            .find(deviceId)
            .filter(d -> d.userId().equals(acting.user().id()))
            .orElseThrow(() -> new NotFoundException("TOTP device", deviceId));
    if (device.isConfirmed()) {
      throw new RefusedException(Refusal.ALREADY_CONFIRMED, "This device is already confirmed.");
    }
    if (!now.isBefore(device.createdAt().plus(ENROLMENT_WINDOW))) {
      throw new RefusedException(
          Refusal.CODE_EXPIRED, "This enrolment has expired; start again to get a new QR code.");
    }
    AttemptLimiter.Attempt attempt =
        limiter.begin(context, acting.user().id(), VerificationMethod.TOTP);
    String typed = code == null ? "" : code.strip();
    OptionalLong step =
        typed.matches("[0-9]{6}")
            ? totp.matchingTimeStep(cipher.decrypt(device.encryptedSecret()), typed, now)
            : OptionalLong.empty();
    if (step.isEmpty()) {
      Optional<Duration> lock = limiter.failed(attempt);
      if (lock.isPresent()) {
        throw AttemptLimiter.locked(lock.get());
      }
      throw new RefusedException(
          Refusal.INVALID_CODE,
          "That code is not right. Enter the code your authenticator app shows now.");
    }
    boolean firstMfa = !acting.user().hasMfa();
    List<String> issued =
        firstMfa && !recoveryCodes.hasAny(acting.user().id()) ? newRecoveryCodes() : List.of();
    transactions.inTransaction(
        () -> {
          if (!devices.confirm(deviceId, step.getAsLong(), now)) {
            throw new RefusedException(
                Refusal.ALREADY_CONFIRMED, "This device is already confirmed.");
          }
          User user = acting.user();
          user.addCredential(
              new Credential(
                  deviceId,
                  CredentialFormat.TOTP,
                  deviceId.value(),
                  Optional.empty(),
                  Optional.of(device.alias()),
                  false,
                  now,
                  false));
          users.save(user);
          if (!issued.isEmpty()) {
            storeRecoveryCodes(acting, issued, now);
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

  @Override
  public List<String> regenerateRecoveryCodes(
      SessionContext context, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    if (!acting.user().hasMfa()) {
      throw new RefusedException(
          Refusal.NO_ELIGIBLE_CREDENTIAL,
          "Recovery codes back up a passkey or authenticator app; enrol one first.");
    }
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    List<String> issued = newRecoveryCodes();
    transactions.inTransaction(
        () -> {
          storeRecoveryCodes(acting, issued, now);
          notifier.notify(
              acting.user(), SecurityNotice.RECOVERY_CODES_REGENERATED, "New recovery codes");
        });
    audit
        .event(AuditEventType.RECOVERY_CODES_ISSUED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .success();
    return issued;
  }

  private void storeRecoveryCodes(Acting acting, List<String> codes, Instant now) {
    recoveryCodes.replace(
        acting.user().id(), RecoveryMaterial.digests(hasher, acting.user().id(), codes), now);
  }

  private static List<String> newRecoveryCodes() {
    return RecoveryMaterial.generate();
  }

  @Override
  public void chooseDefault(
      SessionContext context, CredentialId credentialId, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    User user = acting.user();
    Credential chosen =
        user.mfaDevice(credentialId)
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.CREDENTIAL_NOT_ELIGIBLE,
                        "Only a passkey or authenticator app can be the default."));
    // Which device step-up offers first is an MFA change like enrolment.
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    user.chooseDefaultMfa(credentialId);
    transactions.inTransaction(
        () -> {
          users.save(user);
          notifier.notify(
              user, SecurityNotice.DEFAULT_MFA_CHANGED, SecurityNotifier.describe(chosen));
        });
    audit
        .event(AuditEventType.DEFAULT_MFA_CHANGED, context.environmentId(), context.origin())
        .user(user.id())
        .session(Optional.of(acting.session().id()))
        .success(credentialId.value());
  }
}
