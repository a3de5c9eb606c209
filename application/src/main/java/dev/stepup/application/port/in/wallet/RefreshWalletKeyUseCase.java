package dev.stepup.application.port.in.wallet;

/**
 * Re-encrypts the demo wallet's key material under a fresh nonce; needs an elevated token for
 * {@code wallet:refresh}.
 */
public interface RefreshWalletKeyUseCase {

  WalletState refresh(WalletCommand command);
}
