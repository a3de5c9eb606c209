package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.domain.access.SignInTally;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed console sign-ins; changes are conditional updates, so concurrent counts are exact. */
public final class JdbcSignInTallies implements SignInTallies {

  private final JdbcClient jdbc;

  public JdbcSignInTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<SignInTally> find(String subject) {
    return jdbc.sql(
            "SELECT failures, window_started_at, locked_until FROM admin_sign_in_tallies"
                + " WHERE subject = ?")
        .param(subject)
        .query(
            (rs, n) ->
                new SignInTally(
                    subject,
                    rs.getInt("failures"),
                    Columns.instant(rs, "window_started_at"),
                    Columns.optionalInstant(rs, "locked_until")))
        .optional();
  }

  @Override
  public boolean compareAndSave(Optional<SignInTally> expected, SignInTally next) {
    if (expected.isEmpty()) {
      try {
        return jdbc.sql(
                    "INSERT INTO admin_sign_in_tallies (subject, failures, window_started_at,"
                        + " locked_until) VALUES (?, ?, ?, ?)")
                .params(
                    next.subject(),
                    next.failures(),
                    at(next.windowStartedAt()),
                    at(next.lockedUntil()))
                .update()
            == 1;
      } catch (DuplicateKeyException e) {
        return false;
      }
    }
    SignInTally was = expected.get();
    return jdbc.sql(
                "UPDATE admin_sign_in_tallies SET failures = ?, window_started_at = ?,"
                    + " locked_until = ? WHERE subject = ? AND failures = ?"
                    + " AND window_started_at = ? AND locked_until IS NOT DISTINCT FROM ?")
            .params(
                next.failures(),
                at(next.windowStartedAt()),
                at(next.lockedUntil()),
                was.subject(),
                was.failures(),
                at(was.windowStartedAt()),
                at(was.lockedUntil()))
            .update()
        == 1;
  }

  @Override
  public void clear(String subject) {
    jdbc.sql("DELETE FROM admin_sign_in_tallies WHERE subject = ?").param(subject).update();
  }
}
