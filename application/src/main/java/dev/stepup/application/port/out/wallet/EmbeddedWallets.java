package dev.stepup.application.port.out.wallet;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Server-held demo wallets; the private key is stored encrypted. */
public interface EmbeddedWallets {

  void add(EmbeddedWallet wallet);

  Optional<EmbeddedWallet> find(CredentialId walletId);

  /** Replaces the stored key material (refresh, reshare) and records when. */
  void update(EmbeddedWallet wallet);

  /** A stored wallet; {@code walletId} is its {@code blockchain} credential's id. */
  record EmbeddedWallet(
      CredentialId walletId,
      UserId userId,
      String address,
      byte[] encryptedPrivateKey,
      Instant createdAt,
      Instant keyUpdatedAt) {
    public EmbeddedWallet {
      Objects.requireNonNull(walletId, "walletId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(address, "address");
      encryptedPrivateKey = encryptedPrivateKey.clone();
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(keyUpdatedAt, "keyUpdatedAt");
    }

    @Override
    public byte[] encryptedPrivateKey() {
      return encryptedPrivateKey.clone();
    }

    @Override
    public String toString() {
      return "EmbeddedWallet[walletId=" + walletId + ", address=" + address + "]";
    }
  }
}
