package dev.stepup.application.fakes;

import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.token.ScopeUses;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Token records in memory; conditional updates are synchronized, like a row update would be. */
public final class InMemoryElevatedTokens implements ElevatedTokens {
  private final Map<ElevatedTokenId, Row> rows = new LinkedHashMap<>();
  private final Map<ElevatedTokenId, TokenFingerprint> fingerprints = new HashMap<>();

  private record Row(ElevatedToken token, ScopeUses uses, Instant revokedAt) {
    ElevatedToken current() {
      ElevatedToken copy = unbound();
      token.binding().ifPresent(copy::bindTo);
      return copy;
    }

    private ElevatedToken unbound() {
      ElevatedToken t = token;
      return new ElevatedToken(
          t.id(),
          t.environmentId(),
          t.userId(),
          t.sessionId(),
          t.scopes(),
          t.method(),
          uses,
          t.issuedAt(),
          t.expiresAt(),
          revokedAt);
    }
  }

  @Override
  public synchronized void add(ElevatedToken token, Optional<TokenFingerprint> fingerprint) {
    if (rows.containsKey(token.id())) {
      throw new IllegalStateException("duplicate token id " + token.id());
    }
    rows.put(token.id(), new Row(token, token.uses(), token.revokedAt().orElse(null)));
    fingerprint.ifPresent(f -> fingerprints.put(token.id(), f));
  }

  /** As a record written before fingerprints were kept. */
  public synchronized void forgetFingerprint(ElevatedTokenId id) {
    fingerprints.remove(id);
  }

  @Override
  public synchronized Optional<ElevatedToken> findIssued(
      ElevatedTokenId id, TokenFingerprint fingerprint) {
    return fingerprint.matches(fingerprints.get(id)) ? find(id) : Optional.empty();
  }

  @Override
  public synchronized Optional<ElevatedToken> find(ElevatedTokenId id) {
    return Optional.ofNullable(rows.get(id)).map(Row::current);
  }

  /** Every token issued to the session, in any state: what tests inspect after a verification. */
  public synchronized List<ElevatedToken> forSession(SessionId sessionId) {
    return all()
        .filter(t -> t.sessionId().filter(sessionId::equals).isPresent())
        .sorted(Comparator.comparing(ElevatedToken::issuedAt))
        .toList();
  }

  @Override
  public synchronized boolean markSpent(ElevatedToken token, Scope scope, Instant at) {
    Row row = rows.get(token.id());
    if (row == null
        || !row.uses().isSingleUse(scope)
        || row.uses().isSpent(scope)
        || row.current().consumedAt().isPresent()
        || row.revokedAt() != null) {
      return false;
    }
    Map<Scope, Instant> spent = new LinkedHashMap<>(row.uses().spent());
    if (row.uses().together()) {
      row.uses().singleUse().forEach(s -> spent.put(s, at));
    } else {
      spent.put(scope, at);
    }
    ScopeUses after = new ScopeUses(row.uses().singleUse(), spent, row.uses().together());
    rows.put(token.id(), new Row(row.token(), after, null));
    return true;
  }

  @Override
  public synchronized boolean markRevoked(ElevatedTokenId id, Instant at) {
    Row row = rows.get(id);
    if (row == null || row.current().state(at) != TokenState.ACTIVE) {
      return false;
    }
    rows.put(id, new Row(row.token(), row.uses(), at));
    return true;
  }

  @Override
  public synchronized int revokeAllForUser(UserId userId, Instant at) {
    return revokeWhere(t -> t.userId().equals(userId), at);
  }

  @Override
  public synchronized int revokeAllForSession(SessionId sessionId, Instant at) {
    return revokeWhere(t -> t.sessionId().filter(sessionId::equals).isPresent(), at);
  }

  private int revokeWhere(Predicate<ElevatedToken> which, Instant at) {
    List<ElevatedTokenId> ids = all().filter(which).map(ElevatedToken::id).toList();
    int revoked = 0;
    for (ElevatedTokenId id : ids) {
      if (markRevoked(id, at)) {
        revoked++;
      }
    }
    return revoked;
  }

  @Override
  public synchronized List<ElevatedToken> search(TokenSearch search) {
    return matching(search).skip(search.offset()).limit(search.limit()).toList();
  }

  @Override
  public synchronized long count(TokenSearch search) {
    return matching(search).count();
  }

  private Stream<ElevatedToken> matching(TokenSearch search) {
    return all()
        .filter(t -> t.environmentId().equals(search.environmentId()))
        .filter(t -> search.state().map(s -> t.state(search.now()) == s).orElse(true))
        .filter(t -> search.scope().map(s -> t.scopes().contains(s)).orElse(true))
        .filter(t -> search.userId().map(u -> t.userId().equals(u)).orElse(true))
        .sorted(
            Comparator.comparing(ElevatedToken::issuedAt)
                .reversed()
                .thenComparing(t -> t.id().value()));
  }

  private Stream<ElevatedToken> all() {
    return rows.values().stream().map(Row::current);
  }
}
