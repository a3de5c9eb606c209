package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.retention.DeadRows;
import dev.stepup.domain.access.SignInTally;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.retention.DeadData;
import dev.stepup.domain.social.SocialLogin;
import dev.stepup.domain.version.LegacyMfaUse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes dead rows by primary key, a batch per statement ({@code FETCH FIRST}, the same on H2 and
 * PostgreSQL). The condition is repeated outside the key subquery so a row revived meanwhile (a
 * tally counting again) is left alone. No other table references these rows by foreign key (but an
 * HTTP session's attributes and a token's spends, which go with it).
 */
public final class JdbcDeadRows implements DeadRows {

  /** Which rows of a table are dead: a condition and its parameters for a cutoff. */
  private record Dead(String table, String key, String where, Function<Instant, List<?>> params) {}

  private static final Map<DeadData, Dead> DEAD = new EnumMap<>(DeadData.class);

  static {
    // Tokens, challenges and codes end at expiry; spent ones are kept until then, since a
    // consumed or revoked token's rows are what make it inactive.
    for (DeadData kind :
        List.of(
            DeadData.ELEVATED_TOKENS,
            DeadData.OTP_CHALLENGES,
            DeadData.WALLET_CHALLENGES,
            DeadData.PASSKEY_CHALLENGES,
            DeadData.SIGN_IN_CODES,
            DeadData.CONTACT_PROOFS)) {
      DEAD.put(kind, new Dead(table(kind), "id", "expires_at < ?", JdbcDeadRows::atCutoff));
    }
    DEAD.put(
        DeadData.SOCIAL_LOGINS,
        new Dead(
            "social_logins",
            "id",
            "started_at < ?",
            cutoff -> List.of(at(cutoff.minus(SocialLogin.LIFETIME)))));
    DEAD.put(
        DeadData.CODE_SEND_GATES,
        new Dead("code_send_gates", "subject", "last_sent_at < ?", JdbcDeadRows::atCutoff));
    DEAD.put(
        DeadData.SESSIONS,
        new Dead(
            "sessions",
            "id",
            "(expires_at < ? OR ended_at < ?)",
            cutoff -> List.of(at(cutoff), at(cutoff))));
    DEAD.put(
        DeadData.FAILURE_TALLIES,
        new Dead(
            "failure_tallies",
            "user_id, method",
            "window_started_at < ? AND (locked_until IS NULL OR locked_until < ?)",
            cutoff -> List.of(at(cutoff.minus(FailureTally.WINDOW)), at(cutoff))));
    DEAD.put(
        DeadData.SIGN_IN_TALLIES,
        new Dead(
            "admin_sign_in_tallies",
            "subject",
            "window_started_at < ? AND (locked_until IS NULL OR locked_until < ?)",
            cutoff -> List.of(at(cutoff.minus(SignInTally.WINDOW)), at(cutoff))));
    DEAD.put(
        DeadData.DELIVERIES,
        new Dead(
            "deliveries",
            "id",
            "status IN ('sent', 'dead') AND finished_at < ?",
            JdbcDeadRows::atCutoff));
    DEAD.put(
        DeadData.OUTBOX_MESSAGES,
        new Dead("outbox_messages", "id", "at < ?", JdbcDeadRows::atCutoff));
    DEAD.put(
        DeadData.AUDIT_EVENTS, new Dead("audit_events", "id", "at < ?", JdbcDeadRows::atCutoff));
    DEAD.put(
        DeadData.AUDIT_PENDING, new Dead("audit_pending", "seq", "at < ?", JdbcDeadRows::atCutoff));
    DEAD.put(
        DeadData.PROMPTS,
        new Dead(
            "prompts",
            "id",
            "created_at < ?",
            cutoff -> List.of(at(cutoff.minus(Prompt.LIFETIME)))));
    // A use ends when its day leaves the console's count (today and the days before it); the
    // table has no key, so a batch is the rows of the first (environment, day)s found: it may
    // delete more rows than the batch size, all of them dead.
    DEAD.put(
        DeadData.LEGACY_MFA_USES,
        new Dead(
            "legacy_mfa_uses",
            "environment_id, used_on",
            "used_on < ?",
            cutoff ->
                List.of(
                    java.sql.Date.valueOf(
                        LocalDate.ofInstant(cutoff, ZoneOffset.UTC)
                            .minusDays(LegacyMfaUse.COUNTED_DAYS)))));
    // Spring Session's layout (V20): expiry in epoch milliseconds; the attribute rows go with
    // their session (ON DELETE CASCADE).
    DEAD.put(
        DeadData.HTTP_SESSIONS,
        new Dead(
            "http_sessions",
            "primary_id",
            "expiry_time < ?",
            cutoff -> List.of(cutoff.toEpochMilli())));
  }

  private final JdbcClient jdbc;

  public JdbcDeadRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int deleteBatch(DeadData kind, Instant endedBefore, int batchSize) {
    Dead dead = DEAD.get(kind);
    List<?> params = dead.params().apply(endedBefore);
    String keys = dead.key().contains(",") ? "(" + dead.key() + ")" : dead.key();
    String sql =
        "DELETE FROM "
            + dead.table()
            + " WHERE "
            + dead.where()
            + " AND "
            + keys
            + " IN (SELECT "
            + dead.key()
            + " FROM "
            + dead.table()
            + " WHERE "
            + dead.where()
            + " FETCH FIRST "
            + Math.max(1, batchSize)
            + " ROWS ONLY)";
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    int index = 1;
    for (int pass = 0; pass < 2; pass++) {
      for (Object param : params) {
        statement = statement.param(index++, param);
      }
    }
    return statement.update();
  }

  private static String table(DeadData kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<?> atCutoff(Instant cutoff) {
    return List.of(at(cutoff));
  }

  private static Object at(Instant instant) {
    return Columns.at(instant);
  }
}
