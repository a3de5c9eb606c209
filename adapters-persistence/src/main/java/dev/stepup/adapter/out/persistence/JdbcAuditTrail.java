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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail, append-only. */
public final class JdbcAuditTrail implements AuditTrail, AuditLog, AuditStatistics {

  private final JdbcClient jdbc;

  public JdbcAuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AuditEvent e) {
    jdbc.sql(
            "INSERT INTO audit_events (at, environment_id, type, outcome, user_id, session_id,"
                + " scopes, method, reason, actor, client_ip, user_agent)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            at(e.at()),
            e.environmentId().map(EnvironmentId::value).orElse(null),
            e.type().wire(),
            e.outcome().name().toLowerCase(java.util.Locale.ROOT),
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
    StringBuilder sql =
        new StringBuilder(
            "SELECT at, environment_id, type, outcome, user_id, session_id, scopes, method,"
                + " reason, actor, client_ip, user_agent FROM audit_events WHERE 1 = 1");
    List<Object> params = new java.util.ArrayList<>();
    q.environmentId().ifPresent(e -> add(sql, params, " AND environment_id = ?", e.value()));
    q.userId().ifPresent(u -> add(sql, params, " AND user_id = ?", u.value()));
    q.type().ifPresent(t -> add(sql, params, " AND type = ?", t.wire()));
    q.outcome()
        .ifPresent(
            o -> add(sql, params, " AND outcome = ?", o.name().toLowerCase(java.util.Locale.ROOT)));
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    params.add(q.pageSize());
    params.add((long) q.page() * q.pageSize());
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> event(rs)).list();
  }

  private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
    sql.append(clause);
    params.add(value);
  }

  @Override
  public List<AuditStatistics.Count> countSince(EnvironmentId environmentId, Instant since) {
    return jdbc.sql(
            "SELECT type, outcome, method, COUNT(*) AS n FROM audit_events"
                + " WHERE environment_id = ? AND at >= ? GROUP BY type, outcome, method")
        .params(environmentId.value(), at(since))
        .query(
            (rs, n) ->
                new AuditStatistics.Count(
                    AuditEventType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
                    AuditEvent.Outcome.valueOf(
                        rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
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
                "SELECT scopes, reason, COUNT(*) AS n FROM audit_events"
                    + " WHERE environment_id = ? AND type = ? AND at >= ?"
                    + " GROUP BY scopes, reason")
            .params(environmentId.value(), type.wire(), at(since))
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
    List<AuditStatistics.ScopeCount> found = new java.util.ArrayList<>();
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
        AuditEventType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
        AuditEvent.Outcome.valueOf(rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
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
