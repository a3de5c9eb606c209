package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditLog;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail, append-only. Records are written to {@code audit_pending}, where they wait to be
 * sealed and moved to {@code audit_events} (ADR 0037); reads see both, the waiting ones newest.
 */
public final class JdbcAuditTrail implements AuditTrail, AuditLog, AuditStatistics {

  private final JdbcClient jdbc;

  public JdbcAuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AuditEvent e) {
    jdbc.sql(
            "INSERT INTO audit_pending (at, environment_id, type, outcome, user_id, session_id,"
                + " scopes, method, reason, actor, client_ip, user_agent)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            at(e.at()),
            e.environmentId().map(EnvironmentId::value).orElse(null),
            e.type().wire(),
            e.outcome().name().toLowerCase(Locale.ROOT),
            e.userId().map(UserId::value).orElse(null),
            e.sessionId().map(SessionId::value).orElse(null),
            Scope.joinWire(e.scopes()),
            e.method().map(VerificationMethod::wire).orElse(null),
            e.reason().map(r -> truncate(r, 255)).orElse(null),
            e.actor().map(a -> truncate(a, 100)).orElse(null),
            truncate(e.origin().clientIp(), 64),
            e.origin().userAgent())
        .update();
  }

  @Override
  public List<AuditEvent> search(AuditLog.Query q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    q.environmentId().ifPresent(e -> add(where, params, " AND environment_id = ?", e.value()));
    q.userId().ifPresent(u -> add(where, params, " AND user_id = ?", u.value()));
    q.type().ifPresent(t -> add(where, params, " AND type = ?", t.wire()));
    q.outcome()
        .ifPresent(o -> add(where, params, " AND outcome = ?", o.name().toLowerCase(Locale.ROOT)));
    long offset = (long) q.page() * q.pageSize();
    // Waiting records are few and come after the sealed ones in the order of writing and sealing
    // (a late commit may carry an older time): they come first.
    List<AuditEvent> waiting =
        page("audit_pending", where, params, "seq", offset + q.pageSize(), 0);
    List<AuditEvent> found =
        new ArrayList<>(waiting.subList((int) Math.min(offset, waiting.size()), waiting.size()));
    if (found.size() < q.pageSize()) {
      found.addAll(
          page(
              "audit_events",
              where,
              params,
              "id",
              q.pageSize() - found.size(),
              Math.max(0, offset - waiting.size())));
    }
    return found;
  }

  private List<AuditEvent> page(
      String table, CharSequence where, List<Object> filter, String order, long limit, long skip) {
    List<Object> params = new ArrayList<>(filter);
    params.add(limit);
    params.add(skip);
    return jdbc.sql(
            "SELECT at, environment_id, type, outcome, user_id, session_id, scopes, method,"
                + " reason, actor, client_ip, user_agent FROM "
                + table
                + where
                + " ORDER BY "
                + order
                + " DESC LIMIT ? OFFSET ?")
        .params(params)
        .query((rs, n) -> event(rs))
        .list();
  }

  private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
    sql.append(clause);
    params.add(value);
  }

  /** Both tables' rows matching {@code where}, with {@code columns}, for counting. */
  private static String everyRecord(String columns, String where) {
    return "(SELECT "
        + columns
        + " FROM audit_events WHERE "
        + where
        + " UNION ALL SELECT "
        + columns
        + " FROM audit_pending WHERE "
        + where
        + ") records";
  }

  @Override
  public List<AuditStatistics.Count> countSince(EnvironmentId environmentId, Instant since) {
    return jdbc.sql(
            "SELECT type, outcome, method, COUNT(*) AS n FROM "
                + everyRecord("type, outcome, method", "environment_id = ? AND at >= ?")
                + " GROUP BY type, outcome, method")
        .params(environmentId.value(), at(since), environmentId.value(), at(since))
        .query(
            (rs, n) ->
                new AuditStatistics.Count(
                    AuditEventType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                    AuditEvent.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                    Columns.optionalString(rs, "method").flatMap(VerificationMethod::fromWire),
                    rs.getLong("n")))
        .list();
  }

  @Override
  public List<AuditStatistics.ScopeCount> countByScopeSince(
      EnvironmentId environmentId, AuditEventType type, Instant since) {
    record Group(String scopes, Optional<String> reason, long n) {}
    List<Group> groups =
        jdbc.sql(
                "SELECT scopes, reason, COUNT(*) AS n FROM "
                    + everyRecord("scopes, reason", "environment_id = ? AND type = ? AND at >= ?")
                    + " GROUP BY scopes, reason")
            .params(
                environmentId.value(),
                type.wire(),
                at(since),
                environmentId.value(),
                type.wire(),
                at(since))
            .query(
                (rs, n) ->
                    new Group(
                        rs.getString("scopes"),
                        Columns.optionalString(rs, "reason"),
                        rs.getLong("n")))
            .list();
    // The column holds the scopes joined; one event naming several counts for each of them.
    java.util.Map<List<Object>, Long> counts = new java.util.LinkedHashMap<>();
    for (Group g : groups) {
      for (String wire : (g.scopes() == null ? "" : g.scopes()).split(" ")) {
        Scope.fromWire(wire).ifPresent(s -> counts.merge(List.of(s, g.reason()), g.n(), Long::sum));
      }
    }
    List<AuditStatistics.ScopeCount> found = new ArrayList<>();
    counts.forEach(
        (key, n) -> {
          @SuppressWarnings("unchecked")
          Optional<String> reason = (Optional<String>) key.get(1);
          found.add(new AuditStatistics.ScopeCount((Scope) key.get(0), reason, n));
        });
    return found;
  }

  private static AuditEvent event(ResultSet rs) throws SQLException {
    Set<Scope> scopes = new TreeSet<>();
    Arrays.stream(rs.getString("scopes").split(" "))
        .forEach(s -> Scope.fromWire(s).ifPresent(scopes::add));
    return new AuditEvent(
        Columns.instant(rs, "at"),
        Columns.optionalString(rs, "environment_id").map(EnvironmentId::new),
        AuditEventType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
        AuditEvent.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
        Columns.optionalString(rs, "user_id").map(UserId::new),
        Columns.optionalString(rs, "session_id").map(SessionId::new),
        scopes,
        Columns.optionalString(rs, "method").flatMap(VerificationMethod::fromWire),
        Columns.optionalString(rs, "reason"),
        Columns.optionalString(rs, "actor"),
        new RequestOrigin(rs.getString("client_ip"), rs.getString("user_agent")));
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
