package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.externalauth.ExternalTokenClaims;
import java.net.URI;

/**
 * Checks an external provider's JWT: an allowed asymmetric algorithm and a signature by a key the
 * provider publishes at its JWKS URL. The claims' meaning is the domain's to judge.
 */
public interface ExternalTokenVerifier {

  /**
   * The token's claims once its signature is verified.
   *
   * @throws Rejected the token is not a JWT signed by one of those keys with an allowed algorithm
   * @throws Unavailable the keys could not be fetched
   */
  ExternalTokenClaims verify(String token, URI jwksUrl);

  /** What is wrong with a token that is not verified. */
  enum Problem {
    MALFORMED,
    ALGORITHM_NOT_ALLOWED,
    UNKNOWN_KEY,
    BAD_SIGNATURE
  }

  /** The token is refused. */
  final class Rejected extends RuntimeException {
    private final Problem problem;

    public Rejected(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** The provider's keys could not be read. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
