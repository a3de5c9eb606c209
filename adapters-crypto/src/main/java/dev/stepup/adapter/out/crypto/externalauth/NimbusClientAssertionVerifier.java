package dev.stepup.adapter.out.crypto.externalauth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.stepup.application.port.out.externalauth.ClientAssertionVerifier;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier.Problem;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier.Rejected;
import dev.stepup.domain.externalauth.AssertionClaims;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Backends' signed assertions verified with Nimbus against the JWK Set registered for them. */
public final class NimbusClientAssertionVerifier implements ClientAssertionVerifier {

  @Override
  public String claimedClient(String assertion) {
    try {
      return Objects.requireNonNullElse(
          SignedJwts.parse(assertion).getJWTClaimsSet().getIssuer(), "");
    } catch (ParseException e) {
      throw new Rejected(Problem.MALFORMED);
    }
  }

  @Override
  public Verified verify(String assertion, String publicKeys) {
    JWKSet keys;
    try {
      keys = JWKSet.parse(publicKeys);
    } catch (ParseException e) {
      throw new Rejected(Problem.UNKNOWN_KEY);
    }
    JWTClaimsSet claims = SignedJwts.verify(assertion, new ImmutableJWKSet<>(keys));
    return new Verified(
        new AssertionClaims(
            claims.getIssuer(),
            claims.getSubject(),
            claims.getAudience(),
            SignedJwts.instant(claims.getExpirationTime()),
            SignedJwts.instant(claims.getNotBeforeTime()),
            claims.getJWTID()),
        text(claims, "user_id"),
        text(claims, "session_id"),
        scopes(claims));
  }

  @Override
  public void checkPublicKeys(String publicKeys) {
    List<JWK> keys;
    try {
      keys = JWKSet.parse(publicKeys).getKeys();
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "public keys: not a JSON Web Key Set (" + e.getMessage() + ")");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("public keys: the set holds no key");
    }
    for (JWK key : keys) {
      if (!(key instanceof RSAKey || key instanceof ECKey)) {
        throw new IllegalArgumentException("public keys: RSA or EC keys only (no shared secrets)");
      }
      if (key.isPrivate()) {
        throw new IllegalArgumentException(
            "public keys: a private key was pasted; register only the public part");
      }
    }
  }

  private static Optional<String> text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value && !value.isBlank()
        ? Optional.of(value)
        : Optional.empty();
  }

  /** {@code scopes} as a list, or {@code scope} space-separated (RFC 8693 style). */
  private static List<String> scopes(JWTClaimsSet claims) {
    if (claims.getClaim("scopes") instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return text(claims, "scope")
        .map(s -> Arrays.stream(s.trim().split("\\s+")).toList())
        .orElse(List.of());
  }
}
