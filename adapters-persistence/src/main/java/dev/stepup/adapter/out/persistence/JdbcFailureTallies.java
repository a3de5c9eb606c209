package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.user.UserId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed-attempt tallies, so lockouts outlive a restart. */
public final class JdbcFailureTallies implements FailureTallies {

  private final JdbcClient jdbc;

  public JdbcFailureTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<FailureTally> find(UserId userId, VerificationMethod method) {
    return jdbc.sql(
            "SELECT failures, window_started_at, locked_until FROM failure_tallies"
                + " WHERE user_id = ? AND method = ?")
        .params(userId.value(), method.wire())
        .query(
            (rs, n) ->
                new FailureTally(
                    userId,
                    method,
                    rs.getInt("failures"),
                    Columns.instant(rs, "window_started_at"),
                    Columns.optionalInstant(rs, "locked_until")))
        .optional();
  }

  @Override
  public void save(FailureTally t) {
    int updated =
        jdbc.sql(
                "UPDATE failure_tallies SET failures = ?, window_started_at = ?, locked_until = ?"
                    + " WHERE user_id = ? AND method = ?")
            .params(
                t.failures(),
                at(t.windowStartedAt()),
                at(t.lockedUntil()),
                t.userId().value(),
                t.method().wire())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO failure_tallies (user_id, method, failures, window_started_at,"
                  + " locked_until) VALUES (?, ?, ?, ?, ?)")
          .params(
              t.userId().value(),
              t.method().wire(),
              t.failures(),
              at(t.windowStartedAt()),
              at(t.lockedUntil()))
          .update();
    }
  }

  @Override
  public boolean compareAndSave(Optional<FailureTally> expected, FailureTally next) {
    if (expected.isEmpty()) {
      try {
        return jdbc.sql(
                    "INSERT INTO failure_tallies (user_id, method, failures, window_started_at,"
                        + " locked_until) VALUES (?, ?, ?, ?, ?)")
                .params(
                    next.userId().value(),
                    next.method().wire(),
                    next.failures(),
                    at(next.windowStartedAt()),
                    at(next.lockedUntil()))
                .update()
            == 1;
      } catch (org.springframework.dao.DuplicateKeyException e) {
        return false;
      }
    }
    FailureTally was = expected.get();
    return jdbc.sql(
                "UPDATE failure_tallies SET failures = ?, window_started_at = ?, locked_until = ?"
                    + " WHERE user_id = ? AND method = ? AND failures = ?"
                    + " AND window_started_at = ? AND locked_until IS NOT DISTINCT FROM ?")
            .params(
                next.failures(),
                at(next.windowStartedAt()),
                at(next.lockedUntil()),
                was.userId().value(),
                was.method().wire(),
                was.failures(),
                at(was.windowStartedAt()),
                at(was.lockedUntil()))
            .update()
        == 1;
  }
}
