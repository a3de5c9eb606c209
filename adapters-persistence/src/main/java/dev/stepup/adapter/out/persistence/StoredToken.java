package dev.stepup.adapter.out.persistence;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** A token as read from its row and the rows of its spends, with its recorded fingerprint. */
record StoredToken(String fingerprint, ElevatedToken token) {

  /**
   * Reads tokens from rows of {@code elevated_tokens} joined to their spends ({@code spent_scope},
   * {@code spent_at}; null for a token never spent), where the rows of one token are adjacent.
   */
  static List<StoredToken> readAll(ResultSet rs) throws SQLException {
    List<StoredToken> tokens = new ArrayList<>();
    boolean more = rs.next();
    while (more) {
      String id = rs.getString("id");
      String fingerprint = rs.getString("fingerprint");
      Function<Map<String, Instant>, ElevatedToken> token = tokenRow(rs);
      Map<String, Instant> spends = new LinkedHashMap<>();
      do {
        String spent = rs.getString("spent_scope");
        if (spent != null) {
          spends.put(spent, Columns.instant(rs, "spent_at"));
        }
        more = rs.next();
      } while (more && id.equals(rs.getString("id")));
      tokens.add(new StoredToken(fingerprint, token.apply(spends)));
    }
    return tokens;
  }

  /** The token's own columns, read now; its spends complete it. */
  private static Function<Map<String, Instant>, ElevatedToken> tokenRow(ResultSet rs)
      throws SQLException {
    Set<Scope> scopes = new TreeSet<>();
    for (String wire : rs.getString("scopes").split(" ")) {
      Scope.fromWire(wire).ifPresent(scopes::add);
    }
    ElevatedTokenId id = new ElevatedTokenId(rs.getString("id"));
    EnvironmentId environment = new EnvironmentId(rs.getString("environment_id"));
    UserId user = new UserId(rs.getString("user_id"));
    Optional<SessionId> session = Columns.optionalString(rs, "session_id").map(SessionId::new);
    Optional<VerificationMethod> method =
        Columns.optionalString(rs, "method").flatMap(VerificationMethod::fromWire);
    boolean singleUse = rs.getBoolean("single_use");
    String singleUseScopes = rs.getString("single_use_scopes");
    Instant issuedAt = Columns.instant(rs, "issued_at");
    Instant expiresAt = Columns.instant(rs, "expires_at");
    Instant revokedAt = Columns.instant(rs, "revoked_at");
    Optional<OperationBinding> binding = BindingColumns.binding(rs);
    return spends -> {
      ElevatedToken token =
          new ElevatedToken(
              id,
              environment,
              user,
              session,
              scopes,
              method,
              ScopeUseColumns.uses(scopes, singleUse, singleUseScopes, spends),
              issuedAt,
              expiresAt,
              revokedAt);
      return binding.map(token::bindTo).orElse(token);
    };
  }
}
