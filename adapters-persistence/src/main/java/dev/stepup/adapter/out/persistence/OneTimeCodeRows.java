package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.domain.otp.OtpChallenge;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conditional updates that make a one-time code's transitions atomic, for every table of codes
 * ({@code otp_challenges}, {@code sign_in_codes}): of concurrent callers exactly one wins.
 */
final class OneTimeCodeRows {

  private final JdbcClient jdbc;
  private final String table;

  /** {@code table} is one of this module's own table names, never input. */
  OneTimeCodeRows(JdbcClient jdbc, String table) {
    this.jdbc = jdbc;
    this.table = table;
  }

  /** Counts one wrong entry while the code is unused and below the attempt limit. */
  boolean recordWrongEntry(String id) {
    return jdbc.sql(
                "UPDATE "
                    + table
                    + " SET failed_attempts = failed_attempts + 1"
                    + " WHERE id = ? AND used_at IS NULL AND failed_attempts < ?")
            .params(id, OtpChallenge.MAX_ATTEMPTS)
            .update()
        == 1;
  }

  /** Marks the code used while it is unused and below the attempt limit. */
  boolean markUsed(String id, Instant now) {
    return jdbc.sql(
                "UPDATE "
                    + table
                    + " SET used_at = ? WHERE id = ? AND used_at IS NULL AND failed_attempts < ?")
            .params(at(now), id, OtpChallenge.MAX_ATTEMPTS)
            .update()
        == 1;
  }
}
