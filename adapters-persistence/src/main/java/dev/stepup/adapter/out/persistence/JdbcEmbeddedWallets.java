package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.wallet.EmbeddedWallets;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.UserId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Server-held demo wallets; keys arrive and leave encrypted. */
public final class JdbcEmbeddedWallets implements EmbeddedWallets {

  private final JdbcClient jdbc;

  public JdbcEmbeddedWallets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(EmbeddedWallet w) {
    jdbc.sql(
            "INSERT INTO embedded_wallets (id, user_id, address, encrypted_private_key,"
                + " created_at, key_updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            w.walletId().value(),
            w.userId().value(),
            w.address(),
            Columns.base64(w.encryptedPrivateKey()),
            at(w.createdAt()),
            at(w.keyUpdatedAt()))
        .update();
  }

  @Override
  public Optional<EmbeddedWallet> find(CredentialId walletId) {
    return jdbc.sql("SELECT * FROM embedded_wallets WHERE id = ?")
        .param(walletId.value())
        .query(
            (rs, n) ->
                new EmbeddedWallet(
                    new CredentialId(rs.getString("id")),
                    new UserId(rs.getString("user_id")),
                    rs.getString("address"),
                    Columns.bytes(rs, "encrypted_private_key"),
                    Columns.instant(rs, "created_at"),
                    Columns.instant(rs, "key_updated_at")))
        .optional();
  }

  @Override
  public void update(EmbeddedWallet w) {
    jdbc.sql(
            "UPDATE embedded_wallets SET encrypted_private_key = ?, key_updated_at = ? WHERE id = ?")
        .params(Columns.base64(w.encryptedPrivateKey()), at(w.keyUpdatedAt()), w.walletId().value())
        .update();
  }
}
