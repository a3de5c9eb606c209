package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token records. Spending a scope and revocation are single conditional updates whose row count
 * says who won, so they stay atomic across threads and nodes (ADR 0003); how the scopes a token
 * spends one by one are stored is {@link ScopeUseColumns}'s.
 */
public final class JdbcElevatedTokens implements ElevatedTokens {

  private static final String COLUMNS =
      "SELECT id, environment_id, user_id, session_id, scopes, method, single_use, issued_at,"
          + " expires_at, consumed_at, revoked_at, single_use_scopes, spent_scopes, "
          + BindingColumns.NAMES
          + " FROM elevated_tokens";

  /** Still usable at the bound instant; mirrors ElevatedToken.state(). */
  private static final String ACTIVE =
      "consumed_at IS NULL AND revoked_at IS NULL AND expires_at > ?";

  private final JdbcClient jdbc;

  public JdbcElevatedTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(ElevatedToken token, Optional<TokenFingerprint> fingerprint) {
    jdbc.sql(
            "INSERT INTO elevated_tokens (id, environment_id, user_id, session_id, scopes, method,"
                + " single_use, issued_at, expires_at, consumed_at, revoked_at, fingerprint,"
                + " single_use_scopes, spent_scopes, spent_count, "
                + BindingColumns.NAMES
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            token.id().value(),
            token.environmentId().value(),
            token.userId().value(),
            token.sessionId().map(SessionId::value).orElse(null),
            Scope.joinWire(token.scopes()),
            token.method().map(VerificationMethod::wire).orElse(null),
            token.singleUse(),
            at(token.issuedAt()),
            at(token.expiresAt()),
            at(token.consumedAt()),
            at(token.revokedAt()),
            fingerprint.map(TokenFingerprint::value).orElse(null),
            ScopeUseColumns.singleUse(token),
            ScopeUseColumns.spent(token),
            ScopeUseColumns.spentCount(token))
        .params(BindingColumns.values(token))
        .update();
  }

  @Override
  public Optional<ElevatedToken> find(ElevatedTokenId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?")
        .param(id.value())
        .query((rs, n) -> token(rs))
        .optional();
  }

  @Override
  public Optional<ElevatedToken> findIssued(ElevatedTokenId id, TokenFingerprint fingerprint) {
    return jdbc.sql(
            "SELECT id, environment_id, user_id, session_id, scopes, method, single_use,"
                + " issued_at, expires_at, consumed_at, revoked_at, single_use_scopes,"
                + " spent_scopes, fingerprint, "
                + BindingColumns.NAMES
                + " FROM elevated_tokens WHERE id = ?")
        .param(id.value())
        .query(
            (rs, n) -> {
              String recorded = rs.getString("fingerprint");
              return recorded != null && fingerprint.matches(new TokenFingerprint(recorded))
                  ? Optional.of(token(rs))
                  : Optional.<ElevatedToken>empty();
            })
        .optional()
        .flatMap(token -> token);
  }

  @Override
  public boolean markSpent(ElevatedToken token, Scope scope, Instant at) {
    if (!token.uses().isSingleUse(scope)) {
      return false;
    }
    if (token.uses().together()) {
      // A token single-use as a whole (issued before V28, or a legacy MFA token): spent at once.
      return jdbc.sql(
                  "UPDATE elevated_tokens SET consumed_at = ? WHERE id = ? AND single_use = TRUE"
                      + " AND consumed_at IS NULL AND revoked_at IS NULL")
              .params(at(at), token.id().value())
              .update()
          == 1;
    }
    // One statement decides and writes: the row lock orders concurrent spends, and each re-reads
    // the row the previous one wrote (so one scope is spent once, two scopes both get spent).
    return jdbc.sql(
                "UPDATE elevated_tokens SET spent_scopes = CONCAT(COALESCE(spent_scopes, ''), ?),"
                    + " spent_count = spent_count + 1,"
                    + " consumed_at = CASE WHEN spent_count + 1 >= ? THEN ? ELSE consumed_at END"
                    + " WHERE id = ? AND consumed_at IS NULL AND revoked_at IS NULL"
                    + " AND POSITION(? IN COALESCE(spent_scopes, '')) = 0")
            .params(
                ScopeUseColumns.entry(scope, at),
                ScopeUseColumns.spendsToUseUp(token),
                at(at),
                token.id().value(),
                ScopeUseColumns.entryPrefix(scope))
            .update()
        == 1;
  }

  @Override
  public boolean markRevoked(ElevatedTokenId id, Instant at) {
    return jdbc.sql("UPDATE elevated_tokens SET revoked_at = ? WHERE id = ? AND " + ACTIVE)
            .params(at(at), id.value(), at(at))
            .update()
        == 1;
  }

  @Override
  public int revokeAllForUser(UserId userId, Instant at) {
    return jdbc.sql("UPDATE elevated_tokens SET revoked_at = ? WHERE user_id = ? AND " + ACTIVE)
        .params(at(at), userId.value(), at(at))
        .update();
  }

  @Override
  public int revokeAllForSession(SessionId sessionId, Instant at) {
    return jdbc.sql("UPDATE elevated_tokens SET revoked_at = ? WHERE session_id = ? AND " + ACTIVE)
        .params(at(at), sessionId.value(), at(at))
        .update();
  }

  @Override
  public List<ElevatedToken> search(TokenSearch search) {
    Filter filter = filter(search);
    List<Object> params = new ArrayList<>(filter.params());
    params.add(search.limit());
    params.add(search.offset());
    return jdbc.sql(COLUMNS + filter.where() + " ORDER BY issued_at DESC, id LIMIT ? OFFSET ?")
        .params(params)
        .query((rs, n) -> token(rs))
        .list();
  }

  @Override
  public long count(TokenSearch search) {
    Filter filter = filter(search);
    return jdbc.sql("SELECT COUNT(*) FROM elevated_tokens" + filter.where())
        .params(filter.params())
        .query(Long.class)
        .single();
  }

  private record Filter(String where, List<Object> params) {}

  private static Filter filter(TokenSearch search) {
    StringBuilder where = new StringBuilder(" WHERE environment_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(search.environmentId().value());
    search
        .userId()
        .ifPresent(
            user -> {
              where.append(" AND user_id = ?");
              params.add(user.value());
            });
    search
        .scope()
        .ifPresent(
            scope -> {
              // Scopes are stored space-separated; pad both sides to match whole words.
              where.append(" AND CONCAT(' ', scopes, ' ') LIKE ? ESCAPE '!'");
              // A host scope's name may hold '_', which LIKE would read as any character.
              params.add("% " + scope.wire().replace("_", "!_") + " %");
            });
    search
        .state()
        .ifPresent(
            state -> {
              switch (state) {
                case CONSUMED -> where.append(" AND consumed_at IS NOT NULL");
                case REVOKED -> where.append(" AND consumed_at IS NULL AND revoked_at IS NOT NULL");
                case EXPIRED -> {
                  where.append(
                      " AND consumed_at IS NULL AND revoked_at IS NULL AND expires_at <= ?");
                  params.add(at(search.now()));
                }
                case ACTIVE -> {
                  where.append(" AND ").append(ACTIVE);
                  params.add(at(search.now()));
                }
              }
            });
    return new Filter(where.toString(), params);
  }

  private static ElevatedToken token(ResultSet rs) throws SQLException {
    return BindingColumns.bind(unbound(rs), rs);
  }

  private static ElevatedToken unbound(ResultSet rs) throws SQLException {
    Set<Scope> scopes = new TreeSet<>();
    Arrays.stream(rs.getString("scopes").split(" "))
        .forEach(s -> Scope.fromWire(s).ifPresent(scopes::add));
    return new ElevatedToken(
        new ElevatedTokenId(rs.getString("id")),
        new EnvironmentId(rs.getString("environment_id")),
        new UserId(rs.getString("user_id")),
        Columns.optionalString(rs, "session_id").map(SessionId::new),
        scopes,
        Columns.optionalString(rs, "method").flatMap(VerificationMethod::fromWire),
        ScopeUseColumns.uses(
            scopes,
            rs.getBoolean("single_use"),
            rs.getString("single_use_scopes"),
            rs.getString("spent_scopes"),
            Columns.instant(rs, "consumed_at")),
        Columns.instant(rs, "issued_at"),
        Columns.instant(rs, "expires_at"),
        Columns.instant(rs, "revoked_at"));
  }
}
