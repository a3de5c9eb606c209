package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.externalauth.AssertionClaims;
import java.util.List;
import java.util.Optional;

/**
 * Reads a backend's signed assertion: who claims to have signed it (to find their keys), then its
 * claims once a key of theirs verifies the signature with an allowed asymmetric algorithm.
 */
public interface ClientAssertionVerifier {

  /**
   * The {@code iss} the assertion claims, unverified: only good for finding the keys to verify it.
   *
   * @throws ExternalTokenVerifier.Rejected it is not a JWS with an allowed algorithm
   */
  String claimedClient(String assertion);

  /**
   * The verified claims.
   *
   * @param publicKeys the client's JSON Web Key Set
   * @throws ExternalTokenVerifier.Rejected no key of the set verifies the signature
   */
  Verified verify(String assertion, String publicKeys);

  /** The checked registered claims and the request the backend signed. */
  record Verified(
      AssertionClaims claims,
      Optional<String> userId,
      Optional<String> sessionId,
      List<String> scopes) {}

  /** Whether {@code publicKeys} is a JWK Set of public asymmetric keys only. */
  void checkPublicKeys(String publicKeys);
}
