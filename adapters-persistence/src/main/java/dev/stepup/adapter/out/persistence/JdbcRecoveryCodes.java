package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recovery code digests; spending one is a conditional update, so each works once. */
public final class JdbcRecoveryCodes implements RecoveryCodeStore {

  private final JdbcClient jdbc;

  public JdbcRecoveryCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void replace(UserId userId, List<String> digests, Instant at) {
    jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId.value()).update();
    for (String digest : digests) {
      jdbc.sql("INSERT INTO recovery_codes (user_id, digest, created_at) VALUES (?, ?, ?)")
          .params(userId.value(), digest, at(at))
          .update();
    }
  }

  @Override
  public boolean spend(UserId userId, String digest, Instant at) {
    return jdbc.sql(
                "UPDATE recovery_codes SET used_at = ?"
                    + " WHERE user_id = ? AND digest = ? AND used_at IS NULL")
            .params(at(at), userId.value(), digest)
            .update()
        == 1;
  }

  @Override
  public boolean isSpent(UserId userId, String digest) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM recovery_codes"
                    + " WHERE user_id = ? AND digest = ? AND used_at IS NOT NULL")
            .params(userId.value(), digest)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public int unusedCount(UserId userId) {
    return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL")
        .param(userId.value())
        .query(Long.class)
        .single()
        .intValue();
  }

  @Override
  public boolean hasAny(UserId userId) {
    return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?")
            .param(userId.value())
            .query(Long.class)
            .single()
        > 0;
  }
}
