package dev.stepup.application.service.mfa;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
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
import dev.stepup.application.service.user.SessionEnding;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a user's MFA at an admin's request and revokes what it protected: their elevated tokens
 * and their signed-in sessions (whoever holds a session may be the reason for the reset).
 */
public final class ResetMfaService implements ResetMfaUseCase {

  private final Users users;
  private final TotpDevices totpDevices;
  private final Passkeys passkeys;
  private final RecoveryCodeStore recoveryCodes;
  private final ElevatedTokens tokens;
  private final Sessions sessions;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  public ResetMfaService(
      Users users,
      TotpDevices totpDevices,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      Sessions sessions,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.users = users;
    this.totpDevices = totpDevices;
    this.passkeys = passkeys;
    this.recoveryCodes = recoveryCodes;
    this.tokens = tokens;
    this.sessions = sessions;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public Result reset(Command command) {
    Instant now = clock.instant();
    Result result =
        transactions.inTransaction(
            () -> {
              User user =
                  users
                      .find(command.environmentId(), command.userId())
                      .orElseThrow(() -> new NotFoundException("user", command.userId()));
              Set<CredentialId> devices = new LinkedHashSet<>();
              user.credentials().stream()
                  .filter(Credential::isMfa)
                  .map(Credential::id)
                  .forEach(devices::add);
              List<TotpDevice> apps = totpDevices.confirmedForUser(user.id());
              List<Passkey> keys = passkeys.forUser(user.id());
              apps.forEach(d -> devices.add(d.id()));
              keys.forEach(p -> devices.add(p.id()));

              devices.forEach(user::removeCredential);
              users.save(user);
              apps.forEach(d -> totpDevices.delete(d.id()));
              keys.forEach(p -> passkeys.delete(p.id()));
              boolean hadCodes = recoveryCodes.hasAny(user.id());
              recoveryCodes.replace(user.id(), List.of(), now);
              int revoked = tokens.revokeAllForUser(user.id(), now);
              SessionEnding.endAllOf(sessions, tokens, command.environmentId(), user.id(), now);
              if (!devices.isEmpty() || hadCodes) {
                notifier.notify(
                    user,
                    SecurityNotice.MFA_RESET_BY_ADMIN,
                    "Your passkeys, authenticator apps and recovery codes");
              }
              return new Result(devices.size(), hadCodes, revoked);
            });
    audit
        .event(AuditEventType.MFA_RESET, command.environmentId(), command.origin())
        .user(command.userId())
        .actor(command.admin())
        .success(
            result.devicesRemoved()
                + " MFA devices removed, "
                + result.tokensRevoked()
                + " tokens revoked");
    return result;
  }
}
