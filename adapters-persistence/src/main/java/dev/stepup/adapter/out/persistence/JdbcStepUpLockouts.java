package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.domain.attempt.ConsecutiveFailures;
import dev.stepup.domain.user.UserId;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consecutive failures per user; changes are conditional updates, so concurrent counts are exact.
 */
public final class JdbcStepUpLockouts implements StepUpLockouts {

  private final JdbcClient jdbc;

  public JdbcStepUpLockouts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ConsecutiveFailures> find(UserId userId) {
    return jdbc.sql("SELECT failures, locked_until FROM step_up_lockouts WHERE user_id = ?")
        .param(userId.value())
        .query(
            (rs, n) ->
                new ConsecutiveFailures(
                    userId, rs.getInt("failures"), Columns.optionalInstant(rs, "locked_until")))
        .optional();
  }

  @Override
  public boolean compareAndSave(Optional<ConsecutiveFailures> expected, ConsecutiveFailures next) {
    if (expected.isEmpty()) {
      try {
        return jdbc.sql(
                    "INSERT INTO step_up_lockouts (user_id, failures, locked_until)"
                        + " VALUES (?, ?, ?)")
                .params(next.userId().value(), next.count(), at(next.lockedUntil()))
                .update()
            == 1;
      } catch (DuplicateKeyException e) {
        return false;
      }
    }
    ConsecutiveFailures was = expected.get();
    return jdbc.sql(
                "UPDATE step_up_lockouts SET failures = ?, locked_until = ?"
                    + " WHERE user_id = ? AND failures = ?"
                    + " AND locked_until IS NOT DISTINCT FROM ?")
            .params(
                next.count(),
                at(next.lockedUntil()),
                was.userId().value(),
                was.count(),
                at(was.lockedUntil()))
            .update()
        == 1;
  }

  @Override
  public void clear(UserId userId) {
    jdbc.sql("DELETE FROM step_up_lockouts WHERE user_id = ?").param(userId.value()).update();
  }
}
