package dev.stepup.application.port.out.token;

import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The record of every elevated token issued. */
public interface ElevatedTokens {

  /** Records a token with the fingerprint of its compact form, when it has one. */
  void add(ElevatedToken token, Optional<TokenFingerprint> fingerprint);

  default void add(ElevatedToken token) {
    add(token, Optional.empty());
  }

  Optional<ElevatedToken> find(ElevatedTokenId id);

  /**
   * The token, only if it was recorded with exactly this fingerprint (compared in constant time);
   * empty for another fingerprint or a token recorded without one.
   */
  Optional<ElevatedToken> findIssued(ElevatedTokenId id, TokenFingerprint fingerprint);

  /**
   * Marks one single-use scope of the token spent at {@code at}, only if that scope is still
   * unspent and the token neither used up nor revoked; returns whether this call did it. Of
   * concurrent calls for one scope of one token exactly one returns true; calls for different
   * scopes do not hinder each other. A token whose scopes are spent together ({@link
   * dev.stepup.domain.token.ScopeUses#together()}) is spent whole by any of them. Spending the last
   * unspent scope of a token that has only single-use scopes uses the token up (consumed).
   */
  boolean markSpent(ElevatedToken token, Scope scope, Instant at);

  /** Marks a token revoked, only if it is not used up, unrevoked and unexpired at {@code at}. */
  boolean markRevoked(ElevatedTokenId id, Instant at);

  /** Revokes every still-active token of the user; returns how many. */
  int revokeAllForUser(UserId userId, Instant at);

  /** Revokes every still-active token of the session; returns how many. */
  int revokeAllForSession(SessionId sessionId, Instant at);

  List<ElevatedToken> search(TokenSearch search);

  long count(TokenSearch search);
}
