package dev.stepup.application.service;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.ManageCredentialsUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.ProtectedActionGuard;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The signed-in user's own credentials; linking and unlinking need step-up. */
public final class CredentialService implements ManageCredentialsUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final TotpDevices totpDevices;
  private final RecoveryCodeStore recoveryCodes;
  private final ElevatedTokens tokens;
  private final ProtectedActionGuard guard;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public CredentialService(
      Environments environments,
      Sessions sessions,
      Users users,
      TotpDevices totpDevices,
      RecoveryCodeStore recoveryCodes,
      ElevatedTokens tokens,
      ProtectedActionGuard guard,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.totpDevices = totpDevices;
    this.recoveryCodes = recoveryCodes;
    this.tokens = tokens;
    this.guard = guard;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public User me(SessionContext context) {
    return Acting.load(context, environments, sessions, users, clock.instant()).user();
  }

  /**
   * Links an email address or phone number. It is not enabled for sign-in, so it cannot stand in
   * for step-up until the user has proved they receive its codes.
   */
  @Override
  public Credential link(
      SessionContext context, String format, String value, Optional<String> elevatedToken) {
    CredentialFormat kind =
        CredentialFormat.fromWire(format)
            .filter(f -> f == CredentialFormat.EMAIL || f == CredentialFormat.PHONE_NUMBER)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "format: only email and phoneNumber can be linked with a value"));
    // Reuse the sign-up validation of addresses and numbers.
    CreateUserCommand checked =
        new CreateUserCommand(
            context.environmentId(),
            kind == CredentialFormat.EMAIL ? Optional.ofNullable(value) : Optional.empty(),
            kind == CredentialFormat.PHONE_NUMBER ? Optional.ofNullable(value) : Optional.empty(),
            List.of(),
            false,
            context.origin());
    String identifier =
        kind == CredentialFormat.EMAIL
            ? checked.email().orElseThrow().toLowerCase(Locale.ROOT)
            : checked.phoneNumber().orElseThrow();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    // Refuse a taken value before the single-use token is spent on it.
    ensureFree(context, kind, identifier);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    Credential credential =
        new Credential(
            new CredentialId(RandomTokens.id("cred")),
            kind,
            identifier,
            Optional.empty(),
            Optional.of(
                kind == CredentialFormat.EMAIL
                    ? Masking.email(identifier)
                    : Masking.phone(identifier)),
            false,
            now,
            false);
    transactions.inTransaction(
        () -> {
          ensureFree(context, kind, identifier);
          User user = acting.user();
          user.addCredential(credential);
          users.save(user);
        });
    audit
        .event(AuditEventType.CREDENTIAL_LINKED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .success(credential.id().value());
    return credential;
  }

  private void ensureFree(SessionContext context, CredentialFormat kind, String identifier) {
    if (users.findByCredential(context.environmentId(), kind, identifier).isPresent()) {
      throw new RefusedException(
          Refusal.CREDENTIAL_IN_USE, "This " + kind.wire() + " is already linked to a user.");
    }
  }

  @Override
  public void unlink(
      SessionContext context, CredentialId credentialId, Optional<String> elevatedToken) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    User user = acting.user();
    Credential credential =
        user.credential(credentialId)
            .orElseThrow(() -> new NotFoundException("credential", credentialId));
    if (user.credentials().size() == 1) {
      throw new RefusedException(
          Refusal.LAST_CREDENTIAL, "This is the account's only credential; link another first.");
    }
    if (credential.isEmbeddedWallet()) {
      throw new RefusedException(
          Refusal.CREDENTIAL_IN_USE, "The embedded wallet holds funds; it cannot be unlinked.");
    }
    guard.authorize(context, Scope.CREDENTIAL_UNLINK, elevatedToken);
    transactions.inTransaction(
        () -> {
          user.removeCredential(credentialId);
          users.save(user);
          if (credential.format() == CredentialFormat.TOTP) {
            totpDevices.delete(credentialId);
          }
          if (!user.hasMfa()) {
            recoveryCodes.replace(user.id(), List.of(), now);
          }
          tokens.revokeAllForUser(user.id(), now);
          // Sessions signed in with the removed credential end with it.
          SessionEnding.endSignedInWith(sessions, tokens, credentialId, now);
        });
    audit
        .event(AuditEventType.CREDENTIAL_UNLINKED, context.environmentId(), context.origin())
        .user(user.id())
        .session(Optional.of(acting.session().id()))
        .success(credentialId.value());
  }
}
