package dev.stepup.application.service.wallet;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.in.wallet.ExportWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.RefreshWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.ReshareWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.in.wallet.WalletState;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.application.port.out.wallet.WalletKeys;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** The demo wallet: each key operation passes the protected-action guard for its scope first. */
public final class DemoWalletService
    implements ExportWalletKeyUseCase,
        SignWithWalletUseCase,
        RefreshWalletKeyUseCase,
        ReshareWalletKeyUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final EmbeddedWallets wallets;
  private final WalletKeys keys;
  private final SecretCipher cipher;
  private final AuthorizeProtectedActionUseCase guard;
  private final Audit audit;
  private final TransactionRunner transactions;
  private final Clock clock;

  public DemoWalletService(
      Environments environments,
      Sessions sessions,
      Users users,
      EmbeddedWallets wallets,
      WalletKeys keys,
      SecretCipher cipher,
      AuthorizeProtectedActionUseCase guard,
      AuditTrail auditTrail,
      TransactionRunner transactions,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.wallets = wallets;
    this.keys = keys;
    this.cipher = cipher;
    this.guard = guard;
    this.audit = new Audit(auditTrail, clock);
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public String export(WalletCommand command) {
    SessionContext context = command.context();
    EmbeddedWallet wallet = ownWallet(context, command.walletId());
    guard.authorize(context, Scope.WALLET_EXPORT, command.elevatedToken(), on(wallet));
    byte[] key = cipher.decrypt(wallet.encryptedPrivateKey());
    try {
      audited(context, wallet, Scope.WALLET_EXPORT);
      return "0x" + HexFormat.of().formatHex(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public String sign(SignWithWalletUseCase.Command command) {
    SessionContext context = command.context();
    String message = command.message();
    EmbeddedWallet wallet = ownWallet(context, command.walletId());
    // The digest is of the message this call signs, never one the client vouches for.
    guard.authorize(
        context,
        Scope.WALLET_SIGN,
        command.elevatedToken(),
        on(wallet).withDigest(OperationDigest.ofMessage(message)).withAmount(command.amount()));
    byte[] key = cipher.decrypt(wallet.encryptedPrivateKey());
    try {
      String signature = keys.personalSign(key, message);
      audited(context, wallet, Scope.WALLET_SIGN);
      return signature;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public WalletState refresh(WalletCommand command) {
    return rewrap(command, Scope.WALLET_REFRESH);
  }

  @Override
  public WalletState reshare(WalletCommand command) {
    return rewrap(command, Scope.WALLET_RESHARE);
  }

  private WalletState rewrap(WalletCommand command, Scope scope) {
    SessionContext context = command.context();
    EmbeddedWallet wallet = ownWallet(context, command.walletId());
    guard.authorize(context, scope, command.elevatedToken(), on(wallet));
    Instant now = clock.instant();
    byte[] key = cipher.decrypt(wallet.encryptedPrivateKey());
    try {
      EmbeddedWallet rewrapped =
          new EmbeddedWallet(
              wallet.walletId(),
              wallet.userId(),
              wallet.address(),
              cipher.encrypt(key),
              wallet.createdAt(),
              now);
      wallets.update(rewrapped);
      audited(context, wallet, scope);
      return new WalletState(wallet.walletId(), wallet.address(), now);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The operation of a wallet action: the wallet it acts on, named by its id. */
  private static Operation on(EmbeddedWallet wallet) {
    return Operation.on(wallet.walletId().value());
  }

  private EmbeddedWallet ownWallet(SessionContext context, CredentialId walletId) {
    Acting acting = Acting.load(context, environments, sessions, users, clock.instant());
    return wallets
        .find(walletId)
        .filter(w -> w.userId().equals(acting.user().id()))
        .orElseThrow(() -> new NotFoundException("wallet", walletId));
  }

  private void audited(SessionContext context, EmbeddedWallet wallet, Scope scope) {
    // A record of its own: it may share a durable commit with concurrent ones (ADR 0019).
    transactions.inSharedCommit(
        () ->
            audit
                .event(AuditEventType.WALLET_OPERATION, context.environmentId(), context.origin())
                .user(wallet.userId())
                .session(Optional.of(context.sessionId()))
                .scopes(Set.of(scope))
                .success(wallet.walletId().value()));
  }
}
