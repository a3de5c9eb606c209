package dev.stepup.client;

import java.time.Instant;
import java.util.List;

/** An elevated token the server issued; {@code elevatedAccessToken} is never logged here. */
public record IssuedToken(
    String elevatedAccessToken,
    String tokenId,
    List<String> scopes,
    boolean singleUse,
    Instant expiresAt) {
  public IssuedToken {
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "IssuedToken[tokenId=" + tokenId + ", scopes=" + scopes + "]";
  }
}
