package dev.stepup.adapter.out.crypto.externalauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier.Problem;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier.Rejected;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier.Unavailable;
import java.security.Key;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signature checks shared by token exchange and signed assertions: a JWS (never {@code alg: none})
 * with an asymmetric algorithm of the allow-list (never HMAC, which would let a public key serve as
 * the shared secret), verified by a key of the source that matches its header.
 */
final class SignedJwts {

  static final Set<JWSAlgorithm> ALLOWED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

  private SignedJwts() {}

  /** The claims of a token signed by a key of {@code keys}; never an unverified claim. */
  static JWTClaimsSet verify(String token, JWKSource<SecurityContext> keys) {
    SignedJWT signed = parse(token);
    List<Key> candidates;
    try {
      candidates =
          new JWSVerificationKeySelector<>(ALLOWED, keys).selectJWSKeys(signed.getHeader(), null);
    } catch (RateLimitReachedException e) {
      // The keys were fetched moments ago and this key id is not among them.
      throw new Rejected(Problem.UNKNOWN_KEY);
    } catch (KeySourceException e) {
      throw new Unavailable("the JWKS could not be read", e);
    }
    if (candidates.isEmpty()) {
      throw new Rejected(Problem.UNKNOWN_KEY);
    }
    for (Key key : candidates) {
      try {
        JWSVerifier verifier = VERIFIERS.createJWSVerifier(signed.getHeader(), key);
        if (signed.verify(verifier)) {
          return signed.getJWTClaimsSet();
        }
      } catch (JOSEException | ParseException e) {
        // Not this key (or unreadable claims after a valid signature): try the next, then refuse.
      }
    }
    throw new Rejected(Problem.BAD_SIGNATURE);
  }

  /** A JWS with an allowed algorithm, not yet verified. */
  static SignedJWT parse(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new Rejected(Problem.MALFORMED);
    }
    if (jwt instanceof PlainJWT) {
      throw new Rejected(Problem.ALGORITHM_NOT_ALLOWED);
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new Rejected(Problem.MALFORMED);
    }
    if (!ALLOWED.contains(signed.getHeader().getAlgorithm())) {
      throw new Rejected(Problem.ALGORITHM_NOT_ALLOWED);
    }
    return signed;
  }

  static Optional<Instant> instant(Date date) {
    return Optional.ofNullable(date).map(Date::toInstant);
  }

  /** A boolean claim; some providers send {@code "true"} as a string. */
  static boolean flag(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
