package dev.stepup.adapter.out.persistence;

import dev.stepup.application.port.out.webhook.WebhookDeliveries;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.webhook.WebhookDelivery;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook channel of the delivery queue, read for the console and the API; never the body. */
public final class JdbcWebhookDeliveries implements WebhookDeliveries {

  private final JdbcClient jdbc;

  public JdbcWebhookDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<WebhookDelivery> recent(EnvironmentId environmentId, int limit) {
    return jdbc.sql(
            "SELECT id, event_id, event_type, recipient, status, attempts, created_at,"
                + " next_attempt_at, finished_at, last_error FROM deliveries"
                + " WHERE environment_id = ? AND channel = 'webhook' ORDER BY id DESC LIMIT ?")
        .params(environmentId.value(), limit)
        .query(
            (rs, n) -> {
              String status = rs.getString("status");
              int attempts = rs.getInt("attempts");
              boolean waiting = "queued".equals(status);
              return new WebhookDelivery(
                  rs.getLong("id"),
                  rs.getString("event_id"),
                  rs.getString("event_type"),
                  rs.getString("recipient"),
                  waiting && attempts > 0 ? "retrying" : status,
                  attempts,
                  Columns.instant(rs, "created_at"),
                  waiting ? Columns.optionalInstant(rs, "next_attempt_at") : Optional.empty(),
                  Columns.optionalInstant(rs, "finished_at"),
                  Columns.optionalString(rs, "last_error"));
            })
        .list();
  }
}
