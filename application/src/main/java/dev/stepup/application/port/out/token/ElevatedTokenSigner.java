package dev.stepup.application.port.out.token;

import dev.stepup.domain.token.ElevatedTokenId;
import java.util.Optional;

/** Turns claims into a signed compact token, and back after checking the signature. */
public interface ElevatedTokenSigner {

  /** Signs the claims with the current signing key. */
  String sign(ElevatedTokenClaims claims);

  /**
   * The claims of a token this server signed, when its signature, type and issuer check out with a
   * key still published; empty for anything else. Expiry is not checked here: the token record is
   * the authority on state.
   */
  Optional<ElevatedTokenClaims> verify(String compactToken);

  /**
   * The token id a compact token names, read WITHOUT checking anything: only a key to look its
   * record up by (ADR 0020). Empty when the text is not a token of this format.
   */
  Optional<ElevatedTokenId> idOf(String compactToken);
}
