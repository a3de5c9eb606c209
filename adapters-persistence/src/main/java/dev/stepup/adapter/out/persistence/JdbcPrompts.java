package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.prompt.OneTimeSecret;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptStatus;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prompts in the {@code prompts} table; opening, finishing and exchanging are conditional. */
public final class JdbcPrompts implements Prompts {

  private final JdbcClient jdbc;

  public JdbcPrompts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Prompt p) {
    jdbc.sql(
            "INSERT INTO prompts (id, environment_id, user_id, session_id, scopes, mode,"
                + " return_to, opener_origin, created_at, ticket_digest, ticket_expires_at,"
                + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id().value(),
            p.environmentId().value(),
            p.userId().value(),
            p.sessionId().value(),
            Scope.joinWire(p.scopes()),
            p.mode().name(),
            p.target() instanceof PromptTarget.Redirect r ? r.returnTo() : null,
            p.target() instanceof PromptTarget.Popup o ? o.origin() : null,
            at(p.createdAt()),
            p.launchTicket().digest(),
            at(p.launchTicket().expiresAt()),
            p.status().name())
        .update();
  }

  @Override
  public Optional<Prompt> find(PromptId id) {
    return one("id", id.value());
  }

  @Override
  public Optional<Prompt> findByLaunchTicket(String ticketDigest) {
    return one("ticket_digest", ticketDigest);
  }

  @Override
  public Optional<Prompt> findByResultCode(String codeDigest) {
    return one("result_digest", codeDigest);
  }

  private Optional<Prompt> one(String column, String value) {
    return jdbc.sql("SELECT * FROM prompts WHERE " + column + " = ?")
        .param(value)
        .query((rs, n) -> prompt(rs))
        .optional();
  }

  @Override
  public boolean opened(Prompt p) {
    return jdbc.sql(
                "UPDATE prompts SET ticket_used_at = ?, visitor_digest = ?"
                    + " WHERE id = ? AND ticket_used_at IS NULL")
            .params(at(p.launchTicket().usedAt()), p.visitorDigest().orElseThrow(), p.id().value())
            .update()
        == 1;
  }

  @Override
  public boolean finished(Prompt p, Optional<String> sealedTokens) {
    Optional<OneTimeSecret> code = p.resultCode();
    return jdbc.sql(
                "UPDATE prompts SET status = ?, failure_reason = ?, finished_at = ?,"
                    + " result_digest = ?, result_expires_at = ?, sealed_tokens = ?"
                    + " WHERE id = ? AND status = ?")
            .params(
                p.status().name(),
                p.failureReason().orElse(null),
                at(p.finishedAt()),
                code.map(OneTimeSecret::digest).orElse(null),
                at(code.map(OneTimeSecret::expiresAt)),
                sealedTokens.orElse(null),
                p.id().value(),
                PromptStatus.PENDING.name())
            .update()
        == 1;
  }

  @Override
  public Optional<String> sealedTokens(PromptId id) {
    return jdbc.sql("SELECT sealed_tokens FROM prompts WHERE id = ?")
        .param(id.value())
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(o -> o);
  }

  @Override
  public boolean exchanged(PromptId id, Instant at) {
    return jdbc.sql(
                "UPDATE prompts SET result_used_at = ?, sealed_tokens = NULL"
                    + " WHERE id = ? AND result_digest IS NOT NULL AND result_used_at IS NULL")
            .params(at(at), id.value())
            .update()
        == 1;
  }

  private static Prompt prompt(ResultSet rs) throws SQLException {
    Optional<String> returnTo = Columns.optionalString(rs, "return_to");
    PromptTarget target =
        returnTo.isPresent()
            ? new PromptTarget.Redirect(returnTo.get())
            : new PromptTarget.Popup(rs.getString("opener_origin"));
    Optional<String> resultDigest = Columns.optionalString(rs, "result_digest");
    Optional<OneTimeSecret> resultCode =
        resultDigest.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new OneTimeSecret(
                    resultDigest.get(),
                    Columns.instant(rs, "result_expires_at"),
                    Columns.optionalInstant(rs, "result_used_at")));
    return new Prompt(
        new PromptId(rs.getString("id")),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        new SessionId(rs.getString("session_id")),
        Scope.parseAll(List.of(rs.getString("scopes").split(" "))),
        PromptMode.valueOf(rs.getString("mode")),
        target,
        Columns.instant(rs, "created_at"),
        new OneTimeSecret(
            rs.getString("ticket_digest"),
            Columns.instant(rs, "ticket_expires_at"),
            Columns.optionalInstant(rs, "ticket_used_at")),
        Columns.optionalString(rs, "visitor_digest"),
        PromptStatus.valueOf(rs.getString("status")),
        Columns.optionalString(rs, "failure_reason"),
        Columns.optionalInstant(rs, "finished_at"),
        resultCode);
  }
}
