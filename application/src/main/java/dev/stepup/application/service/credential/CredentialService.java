package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.GetSignedInUserUseCase;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.user.SessionEnding;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.CredentialRemoval;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's own credentials. Unlinking needs step-up and removes, in one transaction,
 * every record behind the credential that {@link User#remove} names.
 */
public final class CredentialService implements GetSignedInUserUseCase, UnlinkCredentialUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final TotpDevices totpDevices;
  private final Passkeys passkeys;
  private final RecoveryCodeStore recoveryCodes;
  private final ElevatedTokens tokens;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  public CredentialService(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.totpDevices = totpDevices;
    this.passkeys = passkeys;
    this.recoveryCodes = recoveryCodes;
    this.tokens = tokens;
    this.guard = guard;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public User me(SessionContext context) {
    return Acting.load(context, environments, sessions, users, clock.instant()).user();
  }

  @Override
  public void unlink(UnlinkCredentialUseCase.Command command) {
    SessionContext context = command.context();
    CredentialId credentialId = command.credentialId();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    User user = acting.user();
    // Judge before the single-use token is spent on a removal that cannot happen.
    CredentialRemoval.Removed removal = allowed(user.judgeRemoval(credentialId), credentialId);
    guard.authorize(context, Scope.CREDENTIAL_UNLINK, command.elevatedToken());
    transactions.inTransaction(
        () -> {
          allowed(user.remove(credentialId), credentialId);
          users.save(user);
          if (removal.passkeyRecordGoes()) {
            passkeys.delete(credentialId);
          }
          if (removal.totpDeviceGoes()) {
            totpDevices.delete(credentialId);
          }
          if (removal.recoveryCodesGo()) {
            recoveryCodes.replace(user.id(), List.of(), now);
          }
          tokens.revokeAllForUser(user.id(), now);
          // Sessions signed in with the removed credential end with it.
          SessionEnding.endSignedInWith(sessions, tokens, credentialId, now);
          notifier.notifyRemoved(
              user,
              removal.wasMfaDevice()
                  ? SecurityNotice.MFA_DEVICE_REMOVED
                  : SecurityNotice.CREDENTIAL_UNLINKED,
              removal.credential());
        });
    audit
        .event(AuditEventType.CREDENTIAL_UNLINKED, context.environmentId(), context.origin())
        .user(user.id())
        .session(Optional.of(acting.session().id()))
        .success(credentialId.value());
  }

  private static CredentialRemoval.Removed allowed(
      CredentialRemoval removal, CredentialId credentialId) {
    if (removal instanceof CredentialRemoval.Removed removed) {
      return removed;
    }
    CredentialRemoval.Reason reason = ((CredentialRemoval.Refused) removal).reason();
    throw switch (reason) {
      case UNKNOWN_CREDENTIAL -> new NotFoundException("credential", credentialId);
      case LAST_CREDENTIAL -> new RefusedException(RefusalReason.LAST_CREDENTIAL);
      case EMBEDDED_WALLET -> new RefusedException(RefusalReason.EMBEDDED_WALLET_HOLDS_FUNDS);
    };
  }
}
