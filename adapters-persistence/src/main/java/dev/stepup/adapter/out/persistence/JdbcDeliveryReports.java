package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.delivery.DeliveryReports;
import dev.stepup.domain.delivery.DeliveryBacklog;
import dev.stepup.domain.delivery.DeliveryChannel;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts and lists from the delivery queue; reads no sealed column. */
public final class JdbcDeliveryReports implements DeliveryReports {

  private final JdbcClient jdbc;

  public JdbcDeliveryReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DeliveryBacklog backlog(DeliveryChannel channel, Instant deadSince) {
    String wire = channel.wire();
    record Waiting(long count, Optional<Instant> oldest) {}
    Waiting waiting =
        jdbc.sql(
                "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM deliveries"
                    + " WHERE channel = ? AND status IN ('queued', 'sending')")
            .param(wire)
            .query((rs, n) -> new Waiting(rs.getLong("n"), Columns.optionalInstant(rs, "oldest")))
            .single();
    long dead =
        jdbc.sql(
                "SELECT COUNT(*) FROM deliveries WHERE channel = ? AND status = 'dead'"
                    + " AND finished_at >= ?")
            .params(wire, at(deadSince))
            .query(Long.class)
            .single();
    Optional<Instant> lastSent =
        latest(
            "SELECT MAX(finished_at) AS t FROM deliveries WHERE channel = ? AND status = 'sent'",
            wire);
    Optional<Instant> lastFailure =
        latest("SELECT MAX(last_failed_at) AS t FROM deliveries WHERE channel = ?", wire);
    return new DeliveryBacklog(
        channel, waiting.count(), waiting.oldest(), dead, lastSent, lastFailure);
  }

  private Optional<Instant> latest(String sql, String channel) {
    return jdbc.sql(sql).param(channel).query((rs, n) -> Columns.optionalInstant(rs, "t")).single();
  }

  @Override
  public List<TroubledDelivery> troubled(EnvironmentId environmentId, int limit) {
    return jdbc.sql(
            "SELECT id, channel, recipient, status, attempts, created_at, next_attempt_at,"
                + " last_error FROM deliveries WHERE environment_id = ? AND channel <> 'webhook'"
                + " AND (status = 'dead' OR (status = 'queued' AND attempts > 0))"
                + " ORDER BY id DESC LIMIT ?")
        .params(environmentId.value(), limit)
        .query(
            (rs, n) -> {
              boolean dead = "dead".equals(rs.getString("status"));
              return new TroubledDelivery(
                  rs.getLong("id"),
                  DeliveryChannel.fromWire(rs.getString("channel")),
                  rs.getString("recipient"),
                  dead,
                  rs.getInt("attempts"),
                  Columns.instant(rs, "created_at"),
                  dead ? Optional.empty() : Columns.optionalInstant(rs, "next_attempt_at"),
                  Columns.optionalString(rs, "last_error"));
            })
        .list();
  }
}
