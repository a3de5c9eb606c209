package dev.stepup.application.port.in.wallet;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.time.Instant;
import java.util.Optional;

/**
 * The sample protected resource: a server-held wallet. Each operation needs an elevated token for
 * its scope ({@code wallet:export}, {@code wallet:sign}, {@code wallet:refresh}, {@code
 * wallet:reshare}).
 */
public interface DemoWalletUseCase {

  /** Reveals the private key (0x hex). */
  String export(SessionContext context, CredentialId walletId, Optional<String> elevatedToken);

  /** Signs a message with {@code personal_sign}; returns the 0x hex signature. */
  String sign(
      SessionContext context,
      CredentialId walletId,
      String message,
      Optional<String> elevatedToken);

  /** Re-encrypts the key material under a fresh nonce. */
  WalletState refresh(
      SessionContext context, CredentialId walletId, Optional<String> elevatedToken);

  /** Re-wraps the key material, as a key-share rotation would. */
  WalletState reshare(
      SessionContext context, CredentialId walletId, Optional<String> elevatedToken);

  /** The wallet after a key operation. */
  record WalletState(CredentialId walletId, String address, Instant keyUpdatedAt) {}
}
