package dev.stepup.application.port.in.wallet;

/**
 * Reveals the demo wallet's private key (0x hex); the sample protected resource's most sensitive
 * action, so it needs an elevated token for {@code wallet:export}.
 */
public interface ExportWalletKeyUseCase {

  String export(WalletCommand command);
}
