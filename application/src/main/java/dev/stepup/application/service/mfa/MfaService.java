package dev.stepup.application.service.mfa;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ChooseDefaultMfaUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.RegenerateRecoveryCodesUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
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
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** TOTP enrolment, recovery codes and the default MFA device. */
public final class MfaService
    implements StartTotpEnrolmentUseCase,
        ConfirmTotpEnrolmentUseCase,
        RegenerateRecoveryCodesUseCase,
        ChooseDefaultMfaUseCase {

  /** A pending TOTP device must be confirmed within this time. */
  public static final Duration ENROLMENT_WINDOW = Duration.ofMinutes(15);

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final RecoveryCodeStore recoveryCodes;
  private final SecretHasher hasher;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final TotpEnrolments enrolments;
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
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      FailureTallies tallies,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.recoveryCodes = recoveryCodes;
    this.hasher = hasher;
    this.guard = guard;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.enrolments =
        new TotpEnrolments(
            environments,
            sessions,
            users,
            devices,
            recoveryCodes,
            tokens,
            totp,
            provisioning,
            qrCodes,
            cipher,
            hasher,
            guard,
            transactions,
            new AttemptLimiter(tallies, audit, clock),
            notifier,
            audit,
            clock);
    this.clock = clock;
  }

  @Override
  public TotpEnrolment startTotpEnrolment(StartTotpEnrolmentUseCase.Command command) {
    return enrolments.start(command.context(), command.alias(), command.elevatedToken());
  }

  @Override
  public List<String> confirmTotp(ConfirmTotpEnrolmentUseCase.Command command) {
    return enrolments.confirm(command.context(), command.deviceId(), command.code());
  }

  @Override
  public List<String> regenerateRecoveryCodes(RegenerateRecoveryCodesUseCase.Command command) {
    SessionContext context = command.context();
    Optional<String> elevatedToken = command.elevatedToken();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    if (!acting.user().hasMfa()) {
      throw new RefusedException(RefusalReason.NO_MFA_DEVICE);
    }
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    List<String> issued = RecoveryMaterial.generate();
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

  @Override
  public void chooseDefault(ChooseDefaultMfaUseCase.Command command) {
    SessionContext context = command.context();
    CredentialId credentialId = command.credentialId();
    Optional<String> elevatedToken = command.elevatedToken();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    User user = acting.user();
    Credential chosen =
        user.mfaDevice(credentialId)
            .orElseThrow(() -> new RefusedException(RefusalReason.NOT_A_DEFAULT_DEVICE));
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
