package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.CodeSendGates;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Send gates: a claim is an insert (unique subject) or an update conditional on the last send the
 * claimer saw, so of concurrent claims with the same expectation exactly one changes the row.
 */
public final class JdbcCodeSendGates implements CodeSendGates {

  private final JdbcClient jdbc;

  public JdbcCodeSendGates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Instant> lastSent(String subject) {
    return jdbc.sql("SELECT last_sent_at FROM code_send_gates WHERE subject = ?")
        .param(subject)
        .query((rs, n) -> Columns.instant(rs, "last_sent_at"))
        .optional();
  }

  @Override
  public boolean claim(String subject, Optional<Instant> expectedLast, Instant now) {
    try {
      if (expectedLast.isEmpty()) {
        return jdbc.sql("INSERT INTO code_send_gates (subject, last_sent_at) VALUES (?, ?)")
                .params(subject, at(now))
                .update()
            == 1;
      }
      return jdbc.sql(
                  "UPDATE code_send_gates SET last_sent_at = ?"
                      + " WHERE subject = ? AND last_sent_at = ?")
              .params(at(now), subject, at(expectedLast.get()))
              .update()
          == 1;
    } catch (DataIntegrityViolationException | ConcurrencyFailureException lost) {
      // Another send inserted or holds the row: it won. The caller's transaction rolls back.
      return false;
    }
  }
}
