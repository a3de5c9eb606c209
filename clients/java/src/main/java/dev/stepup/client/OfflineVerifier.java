package dev.stepup.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an elevated token without calling the server, as the server's signer does (ADR 0002): an
 * ES256 compact JWS of type {@code stepup-elevated+jwt} signed by a key of the JWKS, issued by this
 * server for this environment, unexpired, covering the scope, and multi-use (single-use tokens are
 * spent through introspection, never accepted offline).
 */
final class OfflineVerifier {

  static final JOSEObjectType TYPE = new JOSEObjectType("stepup-elevated+jwt");
  private static final int MAX_TOKEN = 8192;

  private final VerificationKeys keys;
  private final String issuer;
  private final String environmentId;
  private final Clock clock;
  private final Duration clockSkew;

  OfflineVerifier(
      VerificationKeys keys, String issuer, String environmentId, Clock clock, Duration clockSkew) {
    this.keys = keys;
    this.issuer = issuer;
    this.environmentId = environmentId;
    this.clock = clock;
    this.clockSkew = clockSkew;
  }

  VerifiedToken verify(String token, String scope) {
    return verify(token, scope, null);
  }

  /** As the server would check it for {@code operation} (null: the action names none). */
  VerifiedToken verify(String token, String scope, Operation operation) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
      throw invalid("no elevated token was presented");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token.strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("the elevated token is not a JWT");
    }
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
        || !TYPE.equals(header.getType())
        || header.getKeyID() == null) {
      throw invalid("the token is not an elevated access token");
    }
    ECKey key =
        keys.key(header.getKeyID())
            .orElseThrow(
                () -> invalid("the token is signed with a key the server does not publish"));
    try {
      if (!jwt.verify(new ECDSAVerifier(key))) {
        throw invalid("the token's signature is not valid");
      }
    } catch (JOSEException e) {
      throw invalid("the token's signature is not valid");
    }
    VerifiedToken verified = checked(claims, scope);
    Optional<String> mismatch =
        verified.operation().flatMap(b -> BindingCheck.mismatch(b, operation));
    if (mismatch.isPresent()) {
      throw new ElevatedTokenException(
          403,
          "operation_mismatch",
          "This elevated access token is bound to another operation ("
              + mismatch.get()
              + "); step up for this operation.");
    }
    return verified;
  }

  private VerifiedToken checked(JWTClaimsSet c, String scope) {
    if (!issuer.equals(c.getIssuer())) {
      throw invalid("the token was issued by another server");
    }
    if (c.getAudience() == null
        || c.getAudience().size() != 1
        || !environmentId.equals(c.getAudience().get(0))) {
      throw invalid("the token was issued for another environment");
    }
    if (c.getSubject() == null
        || c.getJWTID() == null
        || c.getIssueTime() == null
        || c.getExpirationTime() == null) {
      throw invalid("the token lacks a required claim");
    }
    Instant now = clock.instant();
    if (!now.isBefore(c.getExpirationTime().toInstant().plus(clockSkew))) {
      throw new ElevatedTokenException(
          "token_expired", "This elevated access token has expired; step up again.");
    }
    try {
      Set<String> scopes = new LinkedHashSet<>();
      String wire = c.getStringClaim("scope");
      if (wire != null) {
        Arrays.stream(wire.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
      }
      if (scope != null && !scopes.contains(scope)) {
        throw new ElevatedTokenException(
            "step_up_required", "This action needs step-up verification for " + scope + ".", scope);
      }
      boolean singleUse = Boolean.TRUE.equals(c.getBooleanClaim("single_use"));
      if (singleUse) {
        throw invalid("a single-use token is spent through introspection (consume), not offline");
      }
      String acr = c.getStringClaim("acr");
      Long authTime = c.getLongClaim("auth_time");
      List<String> amr = c.getStringListClaim("amr");
      if (acr == null || authTime == null) {
        throw invalid("the token lacks a required claim");
      }
      return new VerifiedToken(
          c.getJWTID(),
          c.getSubject(),
          Optional.ofNullable(c.getStringClaim("sid")),
          environmentId,
          Set.copyOf(scopes),
          amr == null ? List.of() : List.copyOf(amr),
          acr,
          Instant.ofEpochSecond(authTime),
          false,
          c.getIssueTime().toInstant(),
          c.getExpirationTime().toInstant(),
          BindingCheck.read(c.getClaim("authorization_details")));
    } catch (ParseException e) {
      throw invalid("the token's claims are not well formed");
    }
  }

  private static ElevatedTokenException invalid(String detail) {
    return new ElevatedTokenException("invalid_token", detail);
  }
}
