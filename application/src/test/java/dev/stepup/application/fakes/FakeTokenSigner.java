package dev.stepup.application.fakes;

import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.domain.token.ElevatedTokenId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out random opaque strings and remembers their claims; stands in for JWT signing in service
 * tests (the real signer has its own tests).
 */
public final class FakeTokenSigner implements ElevatedTokenSigner {
  private final Map<String, ElevatedTokenClaims> issued = new ConcurrentHashMap<>();

  @Override
  public String sign(ElevatedTokenClaims claims) {
    String token = "signed." + claims.tokenId().value() + "." + issued.size();
    issued.put(token, claims);
    return token;
  }

  @Override
  public Optional<ElevatedTokenClaims> verify(String compactToken) {
    return Optional.ofNullable(issued.get(compactToken));
  }

  @Override
  public Optional<ElevatedTokenId> idOf(String compactToken) {
    if (compactToken == null || !compactToken.startsWith("signed.")) {
      return Optional.empty();
    }
    int end = compactToken.lastIndexOf('.');
    return end > "signed.".length()
        ? Optional.of(new ElevatedTokenId(compactToken.substring("signed.".length(), end)))
        : Optional.empty();
  }

  /** The claims of the last token signed for this token id. */
  public Optional<ElevatedTokenClaims> claimsOf(String token) {
    return Optional.ofNullable(issued.get(token));
  }
}
