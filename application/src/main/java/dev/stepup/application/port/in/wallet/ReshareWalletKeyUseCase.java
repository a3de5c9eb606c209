package dev.stepup.application.port.in.wallet;

/**
 * Re-wraps the demo wallet's key material, as a key-share rotation would; needs an elevated token
 * for {@code wallet:reshare}.
 */
public interface ReshareWalletKeyUseCase {

  WalletState reshare(WalletCommand command);
}
