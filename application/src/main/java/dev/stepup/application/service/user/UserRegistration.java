package dev.stepup.application.service.user;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.user.CreateUserCommand;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.application.port.out.wallet.WalletKeys;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registers a host backend's user with the credentials they signed up with: every credential is
 * free in the environment, or nothing is stored.
 */
final class UserRegistration {

  private final Users users;
  private final EmbeddedWallets wallets;
  private final WalletKeys walletKeys;
  private final SecretCipher cipher;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  UserRegistration(
      Users users,
      EmbeddedWallets wallets,
      WalletKeys walletKeys,
      SecretCipher cipher,
      TransactionRunner transactions,
      Audit audit,
      Clock clock) {
    this.users = users;
    this.wallets = wallets;
    this.walletKeys = walletKeys;
    this.cipher = cipher;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  User create(CreateUserCommand command) {
    Instant now = clock.instant();
    UserId userId = new UserId(RandomTokens.id("usr"));
    List<Credential> credentials = new ArrayList<>();
    // Distinct creation instants keep the order the host gave: email, phone, wallets.
    Instant at = now;
    if (command.email().isPresent()) {
      String address = command.email().get().toLowerCase(Locale.ROOT);
      credentials.add(Credential.contact(newId(), CredentialFormat.EMAIL, address, true, at));
      at = at.plusMillis(1);
    }
    if (command.phoneNumber().isPresent()) {
      String phone = command.phoneNumber().get();
      credentials.add(Credential.contact(newId(), CredentialFormat.PHONE_NUMBER, phone, true, at));
      at = at.plusMillis(1);
    }
    for (String address : command.externalWallets()) {
      credentials.add(Credential.externalWallet(newId(), address, at));
      at = at.plusMillis(1);
    }
    Optional<EmbeddedWallet> embedded = Optional.empty();
    if (command.embeddedWallet()) {
      WalletKeys.NewKey key = walletKeys.create();
      Credential walletCredential = Credential.embeddedWallet(newId(), key.address(), at);
      credentials.add(walletCredential);
      embedded =
          Optional.of(
              new EmbeddedWallet(
                  walletCredential.id(),
                  userId,
                  key.address(),
                  cipher.encrypt(key.privateKey()),
                  now,
                  now));
    }
    User user = new User(userId, command.environmentId(), now, credentials);
    Optional<EmbeddedWallet> wallet = embedded;
    transactions.inTransaction(
        () -> {
          for (Credential c : credentials) {
            if (users
                .findByCredential(command.environmentId(), c.format(), c.identifier())
                .isPresent()) {
              throw new RefusedException(RefusalReason.SIGN_UP_CONTACT_IN_USE)
                  .about(c.format().wire() + " " + c.alias().orElse(""));
            }
          }
          users.save(user);
          wallet.ifPresent(wallets::add);
        });
    audit
        .event(AuditEventType.USER_CREATED, command.environmentId(), command.origin())
        .user(userId)
        .success();
    return user;
  }

  private static CredentialId newId() {
    return new CredentialId(RandomTokens.id("cred"));
  }
}
