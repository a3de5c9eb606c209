package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.out.mfa.Passkeys;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.PasskeyChallenges.Pending;
import dev.stepup.application.port.out.verification.WebAuthnCeremonies;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.mfa.RecoveryMaterial;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a passkey the user just registered: its WebAuthn record (replacing a stale one of a
 * credential they removed), the credential, recovery codes with a first MFA device, and the end of
 * tokens earned under weaker rules — in one transaction, with the user's notice.
 */
public final class PasskeyEnrolments {

  private final Users users;
  private final Passkeys passkeys;
  private final RecoveryCodeStore recoveryCodes;
  private final SecretHasher hasher;
  private final ElevatedTokens tokens;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;

  PasskeyEnrolments(
      Users users,
      Passkeys passkeys,
      RecoveryCodeStore recoveryCodes,
      SecretHasher hasher,
      ElevatedTokens tokens,
      TransactionRunner transactions,
      SecurityNotifier notifier) {
    this.users = users;
    this.passkeys = passkeys;
    this.recoveryCodes = recoveryCodes;
    this.hasher = hasher;
    this.tokens = tokens;
    this.transactions = transactions;
    this.notifier = notifier;
  }

  PasskeyUseCase.Registered store(
      Acting acting,
      Pending pending,
      WebAuthnCeremonies.NewCredential created,
      Optional<Passkey> stale,
      Instant now) {
    CredentialId id = new CredentialId(RandomTokens.id("cred"));
    boolean firstMfa = !acting.user().hasMfa();
    List<String> issued =
        firstMfa && !recoveryCodes.hasAny(acting.user().id())
            ? RecoveryMaterial.generate()
            : List.of();
    transactions.inTransaction(
        () -> {
          stale.ifPresent(p -> passkeys.delete(p.id()));
          passkeys.add(
              new Passkey(
                  id,
                  acting.user().id(),
                  created.webauthnId(),
                  PasskeyService.userHandle(acting.user().id()),
                  created.publicKeyCose(),
                  created.signCount(),
                  pending.alias(),
                  now));
          User user = acting.user();
          user.addCredential(
              new Credential(
                  id,
                  CredentialFormat.PASSKEY,
                  created.webauthnId(),
                  Optional.empty(),
                  Optional.of(pending.alias()),
                  false,
                  now,
                  false));
          users.save(user);
          if (!issued.isEmpty()) {
            recoveryCodes.replace(
                user.id(), RecoveryMaterial.digests(hasher, user.id(), issued), now);
          }
          // Tokens earned before MFA were earned under weaker rules.
          tokens.revokeAllForUser(user.id(), now);
          user.credential(id)
              .ifPresent(
                  added ->
                      notifier.notify(
                          user, SecurityNotice.MFA_DEVICE_ADDED, SecurityNotifier.describe(added)));
        });
    return new PasskeyUseCase.Registered(id, issued);
  }
}
