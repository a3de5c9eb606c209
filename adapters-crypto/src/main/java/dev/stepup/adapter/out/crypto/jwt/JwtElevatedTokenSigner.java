package dev.stepup.adapter.out.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.SigningKeys;
import dev.stepup.application.port.out.token.StoredSigningKey;
import dev.stepup.application.port.out.token.VerificationKeys;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Elevated access tokens as compact ES256 JWS (ADR 0002). Keys live in the shared {@link
 * SigningKeys} store, private halves encrypted, so every node signs and verifies alike; a key is
 * rotated after {@code rotationPeriod} and stays published while tokens it signed can be valid.
 */
public final class JwtElevatedTokenSigner implements ElevatedTokenSigner, VerificationKeys {

  /** The JWS {@code typ} of elevated tokens; other JWTs are never mistaken for one. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("stepup-elevated+jwt");

  /** No elevated token lives longer; JWKS publishing relies on it. */
  public static final Duration MAX_TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** A node confirms its signing key with the shared store at least this often. */
  public static final Duration RECHECK_EVERY = Duration.ofSeconds(5);

  /**
   * Retired keys stay published this long: a node may still sign with a retired key until its next
   * check, the token then lives at most {@link #MAX_TOKEN_LIFETIME}, plus clock skew.
   */
  public static final Duration PUBLISH_AFTER_RETIREMENT =
      RECHECK_EVERY.plus(MAX_TOKEN_LIFETIME).plus(Duration.ofMinutes(1));

  private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  private final SigningKeys store;
  private final SecretCipher cipher;
  private final String issuer;
  private final Duration rotationPeriod;
  private final Clock clock;
  private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();
  private final SharedSigningKey signing;
  private final Es256Crypto crypto = new Es256Crypto();
  private volatile Instant lastReload = Instant.EPOCH;
  private volatile PublishedKeys lastJwks;

  public JwtElevatedTokenSigner(
      SigningKeys store, SecretCipher cipher, String issuer, Duration rotationPeriod, Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.issuer = issuer;
    this.rotationPeriod = rotationPeriod;
    this.clock = clock;
    this.signing = new SharedSigningKey(store, cipher, rotationPeriod, clock);
  }

  /**
   * Starts signing with a new key on every node; the old one stays published for the retirement
   * window. When another node rotates at the same moment, its key is adopted instead.
   */
  public void rotate() {
    signing.rotate();
    lastJwks = null;
  }

  @Override
  public String sign(ElevatedTokenClaims claims) {
    if (claims.expiresAt().isAfter(claims.issuedAt().plus(MAX_TOKEN_LIFETIME))) {
      throw new IllegalArgumentException("elevated tokens live at most " + MAX_TOKEN_LIFETIME);
    }
    ECKey key = signing.key();
    publicKeys.putIfAbsent(key.getKeyID(), key.toPublicJWK());
    JWTClaimsSet.Builder body =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(claims.userId().value())
            .audience(claims.environmentId().value())
            .jwtID(claims.tokenId().value())
            .issueTime(Date.from(claims.issuedAt()))
            .expirationTime(Date.from(claims.expiresAt()))
            .claim("scope", Scope.joinWire(claims.scopes()))
            .claim("amr", claims.amr())
            .claim("acr", claims.acr())
            // auth_time is NumericDate seconds (OIDC Core §2, RFC 9470 §3).
            .claim("auth_time", claims.authTime().getEpochSecond())
            .claim("single_use", claims.singleUse());
    claims.sessionId().ifPresent(sid -> body.claim("sid", sid.value()));
    claims.operation().ifPresent(op -> body.claim(OperationClaim.NAME, OperationClaim.of(op)));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build(),
            body.build());
    try {
      jwt.sign(crypto.signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an elevated token", e);
    }
    return jwt.serialize();
  }

  @Override
  public Optional<ElevatedTokenClaims> verify(String compactToken) {
    if (compactToken == null || compactToken.length() > 8192) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(compactToken);
      JWSHeader header = jwt.getHeader();
      if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
          || !TYPE.equals(header.getType())
          || header.getKeyID() == null) {
        return Optional.empty();
      }
      Optional<ECKey> key = publicKey(header.getKeyID());
      if (key.isEmpty()) {
        return Optional.empty();
      }
      if (!jwt.verify(crypto.verifier(key.get()))) {
        return Optional.empty();
      }
      return claimsOf(jwt.getJWTClaimsSet());
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<ElevatedTokenId> idOf(String compactToken) {
    if (compactToken == null || compactToken.length() > 8192) {
      return Optional.empty();
    }
    try {
      String jti = SignedJWT.parse(compactToken).getJWTClaimsSet().getJWTID();
      return jti == null ? Optional.empty() : Optional.of(new ElevatedTokenId(jti));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<ElevatedTokenClaims> claimsOf(JWTClaimsSet c) throws ParseException {
    if (!issuer.equals(c.getIssuer())
        || c.getAudience() == null
        || c.getAudience().size() != 1
        || c.getSubject() == null
        || c.getJWTID() == null
        || c.getIssueTime() == null
        || c.getExpirationTime() == null) {
      return Optional.empty();
    }
    Set<Scope> scopes = new TreeSet<>();
    String scope = c.getStringClaim("scope");
    if (scope == null) {
      return Optional.empty();
    }
    for (String wire : scope.split(" ")) {
      Optional<Scope> known = Scope.fromWire(wire);
      if (known.isEmpty()) {
        return Optional.empty();
      }
      scopes.add(known.get());
    }
    if (scopes.isEmpty()) {
      return Optional.empty();
    }
    Boolean singleUse = c.getBooleanClaim("single_use");
    List<String> amr = c.getStringListClaim("amr");
    String acr = c.getStringClaim("acr");
    Long authTime = c.getLongClaim("auth_time");
    if (acr == null || authTime == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ElevatedTokenClaims(
            new ElevatedTokenId(c.getJWTID()),
            new EnvironmentId(c.getAudience().get(0)),
            new UserId(c.getSubject()),
            Optional.ofNullable(c.getStringClaim("sid")).map(SessionId::new),
            scopes,
            amr == null ? List.of() : amr,
            acr,
            Instant.ofEpochSecond(authTime),
            Boolean.TRUE.equals(singleUse),
            c.getIssueTime().toInstant(),
            c.getExpirationTime().toInstant(),
            OperationClaim.read(c.getClaim(OperationClaim.NAME))));
  }

  @Override
  public String jwksJson() {
    Instant now = clock.instant();
    String signingKid = signing.key().getKeyID();
    PublishedKeys cached = lastJwks;
    // Built at most once a second: verifiers hold the set for minutes (its Cache-Control) and
    // fetch it again on an unknown kid, so a second more changes nothing for them.
    if (cached != null
        && cached.signingKid().equals(signingKid)
        && now.isBefore(cached.builtAt().plus(RELOAD_AT_MOST_EVERY))
        && !now.isBefore(cached.builtAt())) {
      return cached.json();
    }
    String json = buildJwks(now);
    lastJwks = new PublishedKeys(json, signingKid, now);
    return json;
  }

  private String buildJwks(Instant now) {
    List<JWK> published = new ArrayList<>();
    for (StoredSigningKey stored : store.all()) {
      boolean stillNeeded =
          stored.retiredAt().map(r -> now.isBefore(r.plus(PUBLISH_AFTER_RETIREMENT))).orElse(true);
      if (stillNeeded) {
        published.add(SharedSigningKey.parsePublic(stored).toPublicJWK());
      }
    }
    if (published.isEmpty()) {
      published.add(signing.key().toPublicJWK());
    }
    return new JWKSet(published).toString(true);
  }

  private Optional<ECKey> publicKey(String kid) {
    ECKey known = publicKeys.get(kid);
    if (known != null) {
      return Optional.of(known);
    }
    Instant now = clock.instant();
    // Another node may have rotated; look again, but not on every forged kid.
    if (now.isBefore(lastReload.plus(RELOAD_AT_MOST_EVERY))) {
      return Optional.empty();
    }
    lastReload = now;
    for (StoredSigningKey stored : store.all()) {
      publicKeys.putIfAbsent(stored.keyId(), SharedSigningKey.parsePublic(stored).toPublicJWK());
    }
    return Optional.ofNullable(publicKeys.get(kid));
  }

  /** The JWK Set as last built, for the key that was signing then. */
  private record PublishedKeys(String json, String signingKid, Instant builtAt) {}
}
