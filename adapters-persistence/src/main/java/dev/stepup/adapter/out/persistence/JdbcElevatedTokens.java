package dev.stepup.adapter.out.persistence;

import static dev.stepup.adapter.out.persistence.Columns.at;

import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token records. A spend is a row of {@code token_spends} whose primary key lets exactly one spend
 * of a scope in, and revocation a single conditional update whose row count says who won (ADR 0003,
 * 0039): both stay atomic across threads and nodes. Which scopes are single-use is {@link
 * ScopeUseColumns}'s.
 */
public final class JdbcElevatedTokens implements ElevatedTokens {

  private static final String TOKEN_COLUMNS =
      "id, environment_id, user_id, session_id, scopes, method, single_use, issued_at,"
          + " expires_at, revoked_at, single_use_scopes, fingerprint, "
          + BindingColumns.NAMES;

  /** A token's row followed by one row per spend, all adjacent. */
  private static final String WITH_SPENDS =
      "SELECT "
          + TOKEN_COLUMNS
          + ", s.scope AS spent_scope, s.spent_at"
          + " FROM %s t LEFT JOIN token_spends s ON s.token_id = t.id";

  private static final String ONE = WITH_SPENDS.formatted("elevated_tokens") + " WHERE t.id = ?";

  private static final String SPENDS =
      "(SELECT COUNT(*) FROM token_spends s WHERE s.token_id = elevated_tokens.id)";

  private static final String USED_UP = "spends_to_use_up <= " + SPENDS;

  private static final String NOT_USED_UP =
      "(spends_to_use_up IS NULL OR spends_to_use_up > " + SPENDS + ")";

  /** Still usable at the bound instant; mirrors ElevatedToken.state(). */
  private static final String ACTIVE = "revoked_at IS NULL AND expires_at > ? AND " + NOT_USED_UP;

  /**
   * Writes the spend unless the token is revoked or the spend is there; a spend committed meanwhile
   * by another transaction meets the primary key.
   */
  private static final String SPEND =
      "INSERT INTO token_spends (token_id, scope, spent_at) SELECT id, ?, ? FROM elevated_tokens"
          + " WHERE id = ? AND revoked_at IS NULL"
          + " AND NOT EXISTS (SELECT 1 FROM token_spends WHERE token_id = ? AND scope = ?)";

  private final JdbcClient jdbc;

  /** PostgreSQL aborts a transaction on a duplicate key, so there a lost race is not an error. */
  private volatile String spend;

  public JdbcElevatedTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(ElevatedToken token, Optional<TokenFingerprint> fingerprint) {
    jdbc.sql(
            "INSERT INTO elevated_tokens (id, environment_id, user_id, session_id, scopes, method,"
                + " single_use, issued_at, expires_at, revoked_at, fingerprint,"
                + " single_use_scopes, spends_to_use_up, "
                + BindingColumns.NAMES
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
            at(token.revokedAt()),
            fingerprint.map(TokenFingerprint::value).orElse(null),
            ScopeUseColumns.singleUse(token),
            ScopeUseColumns.spendsToUseUp(token))
        .params(BindingColumns.values(token))
        .update();
    ScopeUseColumns.spends(token)
        .forEach(
            (scope, at) ->
                jdbc.sql("INSERT INTO token_spends (token_id, scope, spent_at) VALUES (?, ?, ?)")
                    .params(token.id().value(), scope, at(at))
                    .update());
  }

  @Override
  public Optional<ElevatedToken> find(ElevatedTokenId id) {
    return one(id).map(StoredToken::token);
  }

  @Override
  public Optional<ElevatedToken> findIssued(ElevatedTokenId id, TokenFingerprint fingerprint) {
    return one(id)
        .filter(
            stored ->
                stored.fingerprint() != null
                    && fingerprint.matches(new TokenFingerprint(stored.fingerprint())))
        .map(StoredToken::token);
  }

  private Optional<StoredToken> one(ElevatedTokenId id) {
    return jdbc.sql(ONE).param(id.value()).query(StoredToken::readAll).stream().findFirst();
  }

  @Override
  public boolean markSpent(ElevatedToken token, Scope scope, Instant at) {
    if (!token.uses().isSingleUse(scope)) {
      return false;
    }
    String spent = ScopeUseColumns.spendOf(token, scope);
    try {
      return jdbc.sql(spendStatement())
              .params(spent, at(at), token.id().value(), token.id().value(), spent)
              .update()
          == 1;
    } catch (DuplicateKeyException lostTheRace) {
      return false;
    }
  }

  private String spendStatement() {
    String statement = spend;
    if (statement == null) {
      ResultSetExtractor<String> productName =
          rs -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
      String product = jdbc.sql("SELECT 1").query(productName);
      statement = "PostgreSQL".equals(product) ? SPEND + " ON CONFLICT DO NOTHING" : SPEND;
      spend = statement;
    }
    return statement;
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
    String page =
        "(SELECT * FROM elevated_tokens"
            + filter.where()
            + " ORDER BY issued_at DESC, id LIMIT ? OFFSET ?)";
    return jdbc
        .sql(WITH_SPENDS.formatted(page) + " ORDER BY t.issued_at DESC, t.id")
        .params(params)
        .query(StoredToken::readAll)
        .stream()
        .map(StoredToken::token)
        .toList();
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
                case CONSUMED -> where.append(" AND ").append(USED_UP);
                case REVOKED ->
                    where.append(" AND revoked_at IS NOT NULL AND ").append(NOT_USED_UP);
                case EXPIRED -> {
                  where
                      .append(" AND revoked_at IS NULL AND expires_at <= ? AND ")
                      .append(NOT_USED_UP);
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
}
