package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.security.SealedKeys;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sealed server keys, one row per key name. */
public final class JdbcSealedKeys implements SealedKeys {

  private final JdbcClient jdbc;

  public JdbcSealedKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<byte[]> find(String name) {
    return jdbc.sql("SELECT sealed FROM sealed_keys WHERE name = ?")
        .param(name)
        .query(String.class)
        .optional()
        .map(Base64.getDecoder()::decode);
  }

  @Override
  public boolean addIfAbsent(String name, byte[] sealed) {
    try {
      return jdbc.sql("INSERT INTO sealed_keys (name, sealed) VALUES (?, ?)")
              .params(name, Columns.base64(sealed))
              .update()
          == 1;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  @Override
  public boolean replace(String name, byte[] expected, byte[] sealed) {
    return jdbc.sql("UPDATE sealed_keys SET sealed = ? WHERE name = ? AND sealed = ?")
            .params(Columns.base64(sealed), name, Columns.base64(expected))
            .update()
        == 1;
  }
}
