package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.verification.Outbox;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The development outbox, kept in the database so every node and the console see it. */
public final class JdbcOutbox implements Outbox {

  private static final int MAX_BODY = 4000;

  private final JdbcClient jdbc;

  public JdbcOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(OutboxMessage m) {
    String body = m.body().length() > MAX_BODY ? m.body().substring(0, MAX_BODY) : m.body();
    jdbc.sql(
            "INSERT INTO outbox_messages (environment_id, channel, recipient, subject, body, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            m.environmentId().value(), m.channel(), m.recipient(), m.subject(), body, at(m.at()))
        .update();
  }

  @Override
  public List<OutboxMessage> recent(EnvironmentId environmentId, int limit) {
    return jdbc.sql(
            "SELECT environment_id, channel, recipient, subject, body, at FROM outbox_messages"
                + " WHERE environment_id = ? ORDER BY id DESC LIMIT ?")
        .params(environmentId.value(), limit)
        .query(
            (rs, n) ->
                new OutboxMessage(
                    new EnvironmentId(rs.getString("environment_id")),
                    rs.getString("channel"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    Columns.instant(rs, "at")))
        .list();
  }
}
