package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What {@link EmbeddedWallets} promises: the sealed key is stored and replaced. */
public abstract class EmbeddedWalletsContract extends PortContract {

  @Test
  void embeddedWalletKeysAreStoredAndReplaced() {
    givenAlice();
    EmbeddedWallets wallets = stores.embeddedWallets();
    EmbeddedWallet wallet =
        new EmbeddedWallet(
            new CredentialId("cred_w"),
            new UserId("usr_alice"),
            "0xAbC",
            new byte[] {1, 2, 3},
            T0,
            T0);
    wallets.add(wallet);
    wallets.update(
        new EmbeddedWallet(
            wallet.walletId(),
            wallet.userId(),
            wallet.address(),
            new byte[] {4},
            T0,
            T0.plusSeconds(9)));
    EmbeddedWallet loaded = wallets.find(wallet.walletId()).orElseThrow();
    assertThat(loaded.encryptedPrivateKey()).containsExactly(4);
    assertThat(loaded.keyUpdatedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(loaded.address()).isEqualTo("0xAbC");
    assertThat(wallets.find(new CredentialId("cred_none"))).isEmpty();
  }
}
