package dev.stepup.adapter.in.web.api.view;

import dev.stepup.application.port.in.token.IssuedElevatedToken;
import java.time.Instant;
import java.util.List;

/** What a successful verification (or a host backend's issuance) answers. */
public record TokenResponse(
    String elevatedAccessToken,
    String tokenId,
    List<String> scopes,
    boolean singleUse,
    Instant expiresAt) {

  public static TokenResponse of(IssuedElevatedToken issued) {
    return new TokenResponse(
        issued.elevatedAccessToken(),
        issued.tokenId().value(),
        WireScopes.of(issued.scopes()),
        issued.singleUse(),
        issued.expiresAt());
  }

  @Override
  public String toString() {
    return "TokenResponse[tokenId=" + tokenId + "]";
  }
}
