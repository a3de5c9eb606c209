package dev.stepup.application.port.in.token;

import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedTokenId;
import java.time.Instant;
import java.util.Set;

/** A freshly signed token: the only moment the compact token exists outside the client. */
public record IssuedElevatedToken(
    String elevatedAccessToken,
    ElevatedTokenId tokenId,
    Set<Scope> scopes,
    boolean singleUse,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "IssuedElevatedToken[tokenId=" + tokenId + ", scopes=" + scopes + "]";
  }
}
