package dev.stepup.application.service.token;

import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenFingerprint;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.token.ElevatedToken;
import java.util.Optional;

/**
 * The record behind a token a caller presents, for spending it or for a step-up check: the token
 * recorded with this very fingerprint, else (a token recorded before fingerprints, or other bytes)
 * one whose signature checks out (ADR 0020) — and of the environment asked about.
 */
public final class PresentedTokens {

  private final ElevatedTokens tokens;
  private final ElevatedTokenSigner signer;

  public PresentedTokens(ElevatedTokens tokens, ElevatedTokenSigner signer) {
    this.tokens = tokens;
    this.signer = signer;
  }

  public Optional<ElevatedToken> recordOf(String compact, EnvironmentId environmentId) {
    Optional<ElevatedToken> issued =
        signer
            .idOf(compact)
            .flatMap(id -> tokens.findIssued(id, TokenFingerprint.of(compact)))
            .filter(token -> token.environmentId().equals(environmentId));
    if (issued.isPresent()) {
      return issued;
    }
    return signer
        .verify(compact)
        .filter(claims -> claims.environmentId().equals(environmentId))
        .flatMap(claims -> tokens.find(claims.tokenId()));
  }
}
