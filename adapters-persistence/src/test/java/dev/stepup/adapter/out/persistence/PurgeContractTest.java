package dev.stepup.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.retention.DeadData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the purge's store ({@code DeadRows}) promises, on each database the product supports: of
 * every table only the rows whose life ended before the cutoff go, a batch per statement. Rows
 * tagged {@code dead…} must go; rows tagged {@code keep…} must stay. (The purge lease is the {@code
 * JobLeasesContract}'s.)
 */
abstract class PurgeContractTest {

  static final Instant CUTOFF = Instant.parse("2026-11-24T10:00:00Z");
  static final Instant OLD = CUTOFF.minus(Duration.ofHours(1));
  static final Instant RECENT = CUTOFF.plus(Duration.ofMinutes(30));
  static final Instant LIVE = CUTOFF.plus(Duration.ofDays(8));

  DataSource dataSource;
  JdbcClient jdbc;
  JdbcDeadRows deadRows;

  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndConnect() {
    dataSource = freshDatabase();
    Migrations.flyway(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    deadRows = new JdbcDeadRows(jdbc);
    sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('demo', 'Demo', TRUE)");
    sql("INSERT INTO users (id, environment_id, created_at) VALUES ('usr_1', 'demo', ?)", OLD);
    sql(
        "INSERT INTO credentials (id, user_id, environment_id, format, identifier,"
            + " sign_in_enabled, created_at, default_mfa)"
            + " VALUES ('cred_1', 'usr_1', 'demo', 'email', 'a@example.test', TRUE, ?, FALSE)",
        OLD);
  }

  /** Deletes every dead row of a kind, two per statement; answers each statement's count. */
  List<Integer> purge(DeadData kind) {
    List<Integer> batches = new ArrayList<>();
    int n;
    do {
      n = deadRows.deleteBatch(kind, CUTOFF, 2);
      batches.add(n);
    } while (n == 2);
    return batches;
  }

  @Test
  void fiveDeadSessionsGoInBatchesOfTwoWhileEndedRecentlyAndLiveOnesStay() {
    for (int i = 1; i <= 3; i++) {
      session("dead_expired_" + i, LIVE.minus(Duration.ofDays(30)), OLD, null);
    }
    session("dead_ended_1", OLD, LIVE, OLD);
    session("dead_ended_2", OLD, LIVE, OLD.minusSeconds(60));
    session("keep_ended_recently", OLD, LIVE, RECENT);
    session("keep_expired_recently", OLD, RECENT, null);
    session("keep_live", OLD, LIVE, null);

    assertThat(purge(DeadData.SESSIONS)).containsExactly(2, 2, 1);
    assertThat(ids("SELECT id FROM sessions"))
        .containsExactlyInAnyOrder("keep_ended_recently", "keep_expired_recently", "keep_live");
    // The user and the credential are never purged.
    assertThat(ids("SELECT id FROM users")).containsExactly("usr_1");
    assertThat(ids("SELECT id FROM credentials")).containsExactly("cred_1");
  }

  @Test
  void expiredTokensGoSpentOnesOnlyOnceExpired() {
    token("dead_expired", OLD, null, null);
    token("dead_consumed", OLD, OLD.minusSeconds(100), null);
    token("dead_revoked", OLD, null, OLD.minusSeconds(100));
    token("keep_consumed_not_expired_long", RECENT, OLD, null);
    token("keep_live", LIVE, null, null);

    assertThat(purge(DeadData.ELEVATED_TOKENS)).containsExactly(2, 1);
    assertThat(ids("SELECT id FROM elevated_tokens"))
        .containsExactlyInAnyOrder("keep_consumed_not_expired_long", "keep_live");
    // A token's spends go with it, and only with it.
    assertThat(ids("SELECT token_id FROM token_spends"))
        .containsExactly("keep_consumed_not_expired_long");
  }

  @Test
  void challengesAndCodesGoOnceExpiredUsedOrNot() {
    for (String[] row : new String[][] {{"dead_1", "o"}, {"dead_2", "u"}, {"keep_1", "r"}}) {
      Instant expires = row[0].startsWith("dead") ? OLD : RECENT;
      Instant used = row[1].equals("u") ? OLD.minusSeconds(60) : null;
      sql(
          "INSERT INTO otp_challenges (id, environment_id, user_id, session_id, credential_id,"
              + " channel, code_digest, issued_at, expires_at, failed_attempts, used_at)"
              + " VALUES (?, 'demo', 'usr_1', 's', 'cred_1', 'email', 'd', ?, ?, 0, ?)",
          row[0],
          expires.minusSeconds(600),
          expires,
          used);
      sql(
          "INSERT INTO wallet_challenges (id, environment_id, user_id, session_id, wallet_id,"
              + " address, message, scopes, issued_at, expires_at, used_at)"
              + " VALUES (?, 'demo', 'usr_1', 's', 'w', '0x1', 'm', 'wallet:sign', ?, ?, ?)",
          row[0],
          expires.minusSeconds(300),
          expires,
          used);
      sql(
          "INSERT INTO passkey_challenges (id, environment_id, user_id, session_id, kind,"
              + " request, alias, expires_at) VALUES (?, 'demo', 'usr_1', 's', 'assert', '{}',"
              + " 'a', ?)",
          row[0],
          expires);
      sql(
          "INSERT INTO sign_in_codes (id, environment_id, email, code_digest, issued_at,"
              + " expires_at, failed_attempts, used_at) VALUES (?, 'demo', 'a@example.test', 'd',"
              + " ?, ?, 0, ?)",
          row[0],
          expires.minusSeconds(600),
          expires,
          used);
      sql(
          "INSERT INTO contact_proofs (id, environment_id, user_id, session_id, format,"
              + " identifier, code_digest, issued_at, expires_at, failed_attempts, used_at)"
              + " VALUES (?, 'demo', 'usr_1', 's', 'email', 'b@example.test', 'd', ?, ?, 0, ?)",
          row[0],
          expires.minusSeconds(600),
          expires,
          used);
    }
    for (DeadData kind :
        List.of(
            DeadData.OTP_CHALLENGES,
            DeadData.WALLET_CHALLENGES,
            DeadData.PASSKEY_CHALLENGES,
            DeadData.SIGN_IN_CODES,
            DeadData.CONTACT_PROOFS)) {
      assertThat(purge(kind)).as(kind.name()).containsExactly(2, 0);
      assertThat(ids("SELECT id FROM " + kind.name().toLowerCase(java.util.Locale.ROOT)))
          .as(kind.name())
          .containsExactly("keep_1");
    }
  }

  @Test
  void socialLoginsGoOnceTheirTenMinutesEndedBeforeTheCutoff() {
    socialLogin("dead_started_long_ago", OLD.minus(Duration.ofMinutes(10)));
    socialLogin("keep_ended_after_cutoff", CUTOFF.minus(Duration.ofMinutes(5)));
    socialLogin("keep_live", LIVE);

    assertThat(purge(DeadData.SOCIAL_LOGINS)).containsExactly(1);
    assertThat(ids("SELECT id FROM social_logins"))
        .containsExactlyInAnyOrder("keep_ended_after_cutoff", "keep_live");
  }

  @Test
  void sendGatesAndTalliesGoOnlyWhenTheirWindowAndLockAreOver() {
    sql("INSERT INTO code_send_gates (subject, last_sent_at) VALUES ('dead_gate', ?)", OLD);
    sql("INSERT INTO code_send_gates (subject, last_sent_at) VALUES ('keep_gate', ?)", RECENT);
    for (String table : List.of("failure_tallies", "admin_sign_in_tallies")) {
      boolean perMethod = table.equals("failure_tallies");
      String insert =
          perMethod
              ? "INSERT INTO failure_tallies (user_id, method, failures, window_started_at,"
                  + " locked_until) VALUES (?, 'email_otp', 3, ?, ?)"
              : "INSERT INTO admin_sign_in_tallies (subject, failures, window_started_at,"
                  + " locked_until) VALUES (?, 3, ?, ?)";
      sql(insert, "dead_window_over", OLD, null);
      sql(insert, "dead_lock_over", OLD, OLD.plusSeconds(60));
      sql(insert, "keep_window_open", CUTOFF.minus(Duration.ofMinutes(5)), null);
      sql(insert, "keep_locked", OLD, RECENT);
    }

    assertThat(purge(DeadData.CODE_SEND_GATES)).containsExactly(1);
    assertThat(ids("SELECT subject FROM code_send_gates")).containsExactly("keep_gate");
    assertThat(purge(DeadData.FAILURE_TALLIES)).containsExactly(2, 0);
    assertThat(ids("SELECT user_id FROM failure_tallies"))
        .containsExactlyInAnyOrder("keep_window_open", "keep_locked");
    assertThat(purge(DeadData.SIGN_IN_TALLIES)).containsExactly(2, 0);
    assertThat(ids("SELECT subject FROM admin_sign_in_tallies"))
        .containsExactlyInAnyOrder("keep_window_open", "keep_locked");
  }

  @Test
  void finishedDeliveriesOutboxCopiesAndAuditEventsGoAfterTheirCutoffQueuedOnesNever() {
    delivery("dead_sent", "sent", OLD);
    delivery("dead_dead", "dead", OLD);
    delivery("keep_queued_long", "queued", null);
    delivery("keep_sending_long", "sending", null);
    delivery("keep_sent_recently", "sent", RECENT);
    for (String[] row : new String[][] {{"dead", "o"}, {"keep", "r"}}) {
      Instant at = row[0].equals("dead") ? OLD : RECENT;
      sql(
          "INSERT INTO outbox_messages (environment_id, channel, recipient, subject, body, at)"
              + " VALUES ('demo', 'email', ?, 's', 'b', ?)",
          row[0],
          at);
      sql(
          "INSERT INTO audit_events (id, at, environment_id, type, outcome, scopes, reason,"
              + " client_ip, user_agent) VALUES (?, ?, 'demo', 'check', 'ok', '', ?, '1', 'ua')",
          row[0].equals("dead") ? 1 : 2,
          at,
          row[0]);
      sql(
          "INSERT INTO audit_pending (at, environment_id, type, outcome, scopes, reason,"
              + " client_ip, user_agent) VALUES (?, 'demo', 'check', 'ok', '', ?, '1', 'ua')",
          at,
          row[0]);
    }

    assertThat(purge(DeadData.DELIVERIES)).containsExactly(2, 0);
    assertThat(ids("SELECT recipient FROM deliveries"))
        .containsExactlyInAnyOrder("keep_queued_long", "keep_sending_long", "keep_sent_recently");
    assertThat(purge(DeadData.OUTBOX_MESSAGES)).containsExactly(1);
    assertThat(ids("SELECT recipient FROM outbox_messages")).containsExactly("keep");
    assertThat(purge(DeadData.AUDIT_EVENTS)).containsExactly(1);
    assertThat(ids("SELECT reason FROM audit_events")).containsExactly("keep");
    // Records no node sealed are kept as long as sealed ones, then go too.
    assertThat(purge(DeadData.AUDIT_PENDING)).containsExactly(1);
    assertThat(ids("SELECT reason FROM audit_pending")).containsExactly("keep");
  }

  private void session(String id, Instant created, Instant expires, Instant ended) {
    sql(
        "INSERT INTO sessions (id, environment_id, user_id, token_digest, created_at, expires_at,"
            + " ended_at, last_seen_at, idle_timeout_seconds)"
            + " VALUES (?, 'demo', 'usr_1', ?, ?, ?, ?, ?, 1800)",
        id,
        "digest-" + id,
        created,
        expires,
        ended,
        created);
  }

  private void token(String id, Instant expires, Instant consumed, Instant revoked) {
    sql(
        "INSERT INTO elevated_tokens (id, environment_id, user_id, session_id, scopes, method,"
            + " single_use, issued_at, expires_at, revoked_at, spends_to_use_up)"
            + " VALUES (?, 'demo', 'usr_1', 's', 'wallet:sign', 'totp', TRUE, ?, ?, ?, 1)",
        id,
        expires.minusSeconds(300),
        expires,
        revoked);
    if (consumed != null) {
      sql("INSERT INTO token_spends (token_id, scope, spent_at) VALUES (?, '*', ?)", id, consumed);
    }
  }

  @Test
  void promptsGoOnceTheirFifteenMinutesEndedBeforeTheCutoff() {
    prompt("prm_dead", OLD.minus(Duration.ofMinutes(15)));
    prompt("prm_keep_after_cutoff", CUTOFF.minus(Duration.ofMinutes(10)));
    prompt("prm_keep_live", LIVE);

    assertThat(purge(DeadData.PROMPTS)).containsExactly(1);
    assertThat(ids("SELECT id FROM prompts"))
        .containsExactlyInAnyOrder("prm_keep_after_cutoff", "prm_keep_live");
  }

  @Test
  void legacyMfaUsesGoOnlyOnceTheirDayLeftTheThirtyDaysTheConsoleCounts() {
    // The cutoff's day is 2026-11-24: the console (were it then) counts 2026-10-26 onwards.
    sql("INSERT INTO environments (id, name, step_up_enabled) VALUES ('other', 'Other', TRUE)");
    for (String day : List.of("2026-10-01", "2026-10-24", "2026-10-24", "2026-10-24")) {
      legacyUse("demo", day, "dead");
    }
    legacyUse("other", "2026-10-24", "dead");
    legacyUse("demo", "2026-10-25", "keep");
    legacyUse("demo", "2026-10-26", "keep");
    legacyUse("other", "2026-11-24", "keep");

    // Rows have no key of their own: a batch takes whole (environment, day)s, so it may delete
    // more than its size; the purge goes on while a batch is full.
    int deleted = 0;
    int batch;
    do {
      batch = deadRows.deleteBatch(DeadData.LEGACY_MFA_USES, CUTOFF, 2);
      deleted += batch;
    } while (batch >= 2);

    assertThat(deleted).isEqualTo(5);
    assertThat(ids("SELECT api_version FROM legacy_mfa_uses")).containsOnly("keep").hasSize(3);
    assertThat(
            ids("SELECT CAST(used_on AS VARCHAR(10)) FROM legacy_mfa_uses" + " ORDER BY used_on"))
        .containsExactly("2026-10-25", "2026-10-26", "2026-11-24");
  }

  private void legacyUse(String environment, String day, String tag) {
    sql(
        "INSERT INTO legacy_mfa_uses (environment_id, used_on, use_kind, api_version)"
            + " VALUES (?, ?, 'CHECK', ?)",
        environment,
        java.sql.Date.valueOf(day),
        tag);
  }

  @Test
  void expiredHttpSessionsGoWithTheirAttributesAndLiveOnesStay() {
    httpSession("dead_http_1", OLD);
    httpSession("dead_http_2", CUTOFF.minusMillis(1));
    httpSession("keep_http_live", CUTOFF.plusSeconds(60));

    assertThat(purge(DeadData.HTTP_SESSIONS)).containsExactly(2, 0);
    assertThat(ids("SELECT TRIM(primary_id) FROM http_sessions")).containsExactly("keep_http_live");
    assertThat(ids("SELECT TRIM(session_primary_id) FROM http_sessions_attributes"))
        .containsExactly("keep_http_live");
  }

  private void httpSession(String id, Instant expires) {
    long at = expires.toEpochMilli();
    sql(
        "INSERT INTO http_sessions (primary_id, session_id, creation_time, last_access_time,"
            + " max_inactive_interval, expiry_time) VALUES (?, ?, ?, ?, 1800, ?)",
        id,
        "sid-" + id,
        at - 1_800_000,
        at - 1_800_000,
        at);
    sql(
        "INSERT INTO http_sessions_attributes (session_primary_id, attribute_name,"
            + " attribute_bytes) VALUES (?, 'a', ?)",
        id,
        new byte[] {1, 2, 3});
  }

  private void prompt(String id, Instant created) {
    sql(
        "INSERT INTO prompts (id, environment_id, user_id, session_id, scopes, mode, return_to,"
            + " created_at, ticket_digest, ticket_expires_at, status)"
            + " VALUES (?, 'demo', 'usr_1', 's', 'wallet:sign', 'ANY', 'https://r', ?, ?, ?,"
            + " 'PENDING')",
        id,
        created,
        "ticket-" + id,
        created.plus(Duration.ofMinutes(2)));
  }

  private void socialLogin(String id, Instant started) {
    sql(
        "INSERT INTO social_logins (id, state_digest, environment_id, user_id, session_id,"
            + " provider, purpose, scopes, redirect_uri, nonce, code_verifier, started_at)"
            + " VALUES (?, ?, 'demo', 'usr_1', 's', 'google', 'step_up', 'wallet:sign', 'https://r',"
            + " 'n', 'v', ?)",
        id,
        "state-" + id,
        started);
  }

  private void delivery(String tag, String status, Instant finished) {
    sql(
        "INSERT INTO deliveries (environment_id, channel, recipient, status, attempts,"
            + " created_at, next_attempt_at, finished_at)"
            + " VALUES ('demo', 'email', ?, ?, 1, ?, ?, ?)",
        tag,
        status,
        OLD.minus(Duration.ofDays(1)),
        OLD.minus(Duration.ofDays(1)),
        finished);
  }

  private List<String> ids(String query) {
    return jdbc.sql(query).query(String.class).list();
  }

  private void sql(String sql, Object... params) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (int i = 0; i < params.length; i++) {
      Object p = params[i] instanceof Instant instant ? Columns.at(instant) : params[i];
      statement = statement.param(i + 1, p);
    }
    statement.update();
  }
}
