package dev.stepup.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Bring your own auth: exchanging an external provider's JWT for a session, and issuing elevated
 * tokens with an assertion signed by the backend's own key instead of the API key.
 */
final class ExternalAuthCalls {

  static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Well under the server's five-minute cap, so clock skew never makes it too long-lived. */
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(2);

  private final ApiTransport transport;
  private final String environmentPath;
  private final String assertionAudience;
  private final String clientId;
  private final JWK signingKey;
  private final Clock clock;

  ExternalAuthCalls(
      ApiTransport transport,
      String environmentPath,
      String assertionAudience,
      String clientId,
      JWK signingKey,
      Clock clock) {
    this.transport = transport;
    this.environmentPath = environmentPath;
    this.assertionAudience = assertionAudience;
    this.clientId = clientId;
    this.signingKey = signingKey;
    this.clock = clock;
  }

  ExchangedSession exchange(String subjectToken) {
    Map<String, Object> json =
        transport.callWithoutKey(
            "POST",
            environmentPath + "/sessions/token-exchange",
            Map.of(
                "subject_token",
                Objects.requireNonNull(subjectToken, "subjectToken"),
                "subject_token_type",
                JWT_TYPE));
    return new ExchangedSession(
        Json.string(json, "userId"),
        Json.bool(json, "userCreated"),
        new Session(
            Json.string(json, "sessionId"),
            Json.string(json, "sessionToken"),
            Instant.parse(Json.string(json, "expiresAt"))));
  }

  IssuedToken issueByAssertion(
      String userId, String sessionId, List<String> scopes, OperationBinding operation) {
    if (signingKey == null) {
      throw new IllegalStateException("build the client with assertionKey(clientId, key) first");
    }
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(assertionAudience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .claim("user_id", Objects.requireNonNull(userId, "userId"))
            .claim("scopes", List.copyOf(scopes));
    if (sessionId != null) {
      claims.claim("session_id", sessionId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_assertion_type", JWT_BEARER);
    body.put("client_assertion", sign(claims.build()));
    if (operation != null) {
      body.put("operation", operation.body());
    }
    Map<String, Object> json =
        transport.callWithoutKey("POST", environmentPath + "/elevated-tokens/assertion", body);
    return new IssuedToken(
        Json.string(json, "elevatedAccessToken"),
        Json.string(json, "tokenId"),
        Json.strings(json, "scopes"),
        Json.bool(json, "singleUse"),
        Instant.parse(Json.string(json, "expiresAt")));
  }

  private String sign(JWTClaimsSet claims) {
    try {
      JWSSigner signer;
      JWSAlgorithm algorithm;
      if (signingKey instanceof ECKey ec) {
        signer = new ECDSASigner(ec);
        algorithm = JWSAlgorithm.ES256;
      } else if (signingKey instanceof RSAKey rsa) {
        signer = new RSASSASigner(rsa);
        algorithm = JWSAlgorithm.RS256;
      } else {
        throw new IllegalStateException("assertion keys are EC (P-256) or RSA");
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm).keyID(signingKey.getKeyID()).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("the assertion could not be signed: " + e.getMessage(), e);
    }
  }
}
