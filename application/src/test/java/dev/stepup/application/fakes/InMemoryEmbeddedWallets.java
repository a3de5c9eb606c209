package dev.stepup.application.fakes;

import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.domain.credential.CredentialId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Embedded wallets in memory. */
public final class InMemoryEmbeddedWallets implements EmbeddedWallets {
  private final Map<CredentialId, EmbeddedWallet> byId = new ConcurrentHashMap<>();

  @Override
  public void add(EmbeddedWallet wallet) {
    byId.put(wallet.walletId(), wallet);
  }

  @Override
  public Optional<EmbeddedWallet> find(CredentialId walletId) {
    return Optional.ofNullable(byId.get(walletId));
  }

  @Override
  public void update(EmbeddedWallet wallet) {
    byId.put(wallet.walletId(), wallet);
  }
}
