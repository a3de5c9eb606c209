package dev.stepup.adapter.out.crypto.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.application.fakes.InMemorySigningKeys;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtElevatedTokenSignerTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  final MutableClock clock = new MutableClock(NOW);
  final InMemorySigningKeys store = new InMemorySigningKeys();
  final AesGcmSecretCipher cipher = new AesGcmSecretCipher(new byte[32]);
  final JwtElevatedTokenSigner signer =
      new JwtElevatedTokenSigner(
          store, cipher, "https://stepup.example", Duration.ofDays(30), clock);

  static ElevatedTokenClaims claims(String id) {
    return new ElevatedTokenClaims(
        new ElevatedTokenId(id),
        new EnvironmentId("demo"),
        new UserId("usr_alice"),
        Optional.of(new SessionId("ses_1")),
        Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN),
        List.of("otp", "email"),
        "urn:stepup:acr:reauth",
        NOW.minusSeconds(2),
        true,
        NOW,
        NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void signedTokensVerifyBackToTheirClaims() {
    String token = signer.sign(claims("tok_1"));
    assertThat(signer.verify(token)).contains(claims("tok_1"));
  }

  @Test
  void theIdOfATokenIsReadWithoutVouchingForIt() {
    String token = signer.sign(claims("tok_1"));
    String[] parts = token.split("\\.");
    assertThat(signer.idOf(token)).contains(new ElevatedTokenId("tok_1"));
    // A bad signature still names the id; only the record or verify() may vouch for the token.
    assertThat(signer.idOf(parts[0] + "." + parts[1] + ".AAAA"))
        .contains(new ElevatedTokenId("tok_1"));
    assertThat(signer.verify(parts[0] + "." + parts[1] + ".AAAA")).isEmpty();
    assertThat(signer.idOf("not-a-token")).isEmpty();
    assertThat(signer.idOf(null)).isEmpty();
  }

  @Test
  void headerAndClaimsFollowTheDesign() throws Exception {
    SignedJWT jwt = SignedJWT.parse(signer.sign(claims("tok_1")));
    JWSHeader header = jwt.getHeader();
    assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(header.getType()).isEqualTo(JwtElevatedTokenSigner.TYPE);
    assertThat(header.getKeyID()).isNotBlank();
    JWTClaimsSet c = jwt.getJWTClaimsSet();
    assertThat(c.getIssuer()).isEqualTo("https://stepup.example");
    assertThat(c.getSubject()).isEqualTo("usr_alice");
    assertThat(c.getAudience()).containsExactly("demo");
    assertThat(c.getStringClaim("sid")).isEqualTo("ses_1");
    assertThat(c.getJWTID()).isEqualTo("tok_1");
    assertThat(c.getIssueTime()).isEqualTo(Date.from(NOW));
    assertThat(c.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
    assertThat(c.getStringClaim("scope")).isEqualTo("wallet:export wallet:sign");
    assertThat(c.getStringListClaim("amr")).containsExactly("otp", "email");
    assertThat(c.getStringClaim("acr")).isEqualTo("urn:stepup:acr:reauth");
    assertThat(c.getLongClaim("auth_time")).isEqualTo(NOW.minusSeconds(2).getEpochSecond());
    assertThat(c.getBooleanClaim("single_use")).isTrue();
  }

  @Test
  void anIndependentVerifierAcceptsTheTokenWithTheKeyFromTheJwks() throws Exception {
    String token = signer.sign(claims("tok_1"));
    JWKSet jwks = JWKSet.parse(signer.jwksJson());
    assertThat(jwks.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    SignedJWT jwt = SignedJWT.parse(token);
    ECKey published = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
  }

  @Test
  void tamperedTokensAreRefused() {
    String token = signer.sign(claims("tok_1"));
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("usr_alice", "usr_mallory");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    assertThat(signer.verify(forged)).isEmpty();
    assertThat(signer.verify(token.substring(0, token.length() - 4) + "AAAA")).isEmpty();
  }

  @Test
  void tokensSignedWithAnotherKeyOrTypeOrIssuerAreRefused() throws Exception {
    ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("foreign").generate();
    assertThat(
            signer.verify(
                foreignToken(foreign, JwtElevatedTokenSigner.TYPE, "https://stepup.example")))
        .isEmpty();
    // The real key id, but another key's signature.
    String kid = SignedJWT.parse(signer.sign(claims("tok_x"))).getHeader().getKeyID();
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    assertThat(
            signer.verify(
                foreignToken(impostor, JwtElevatedTokenSigner.TYPE, "https://stepup.example")))
        .isEmpty();
    // Our own key: wrong typ or wrong issuer is still refused.
    JwtElevatedTokenSigner otherIssuer =
        new JwtElevatedTokenSigner(store, cipher, "https://elsewhere", Duration.ofDays(30), clock);
    assertThat(signer.verify(otherIssuer.sign(claims("tok_2")))).isEmpty();
    assertThat(signer.verify("garbage")).isEmpty();
    assertThat(signer.verify("a.b.c")).isEmpty();
    assertThat(signer.verify(null)).isEmpty();
  }

  private static String foreignToken(ECKey key, JOSEObjectType type, String issuer)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("usr_alice")
                .audience("demo")
                .jwtID("tok_forged")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("scope", "wallet:export")
                .claim("single_use", true)
                .build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void rotationKeepsOldTokensVerifiableWhileTheOldKeyIsPublished() throws Exception {
    String before = signer.sign(claims("tok_old"));
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
    signer.rotate();
    String after = signer.sign(claims("tok_new"));
    String newKid = SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(signer.verify(before)).isPresent();
    assertThat(signer.verify(after)).isPresent();
    assertThat(kids(signer.jwksJson())).containsExactlyInAnyOrder(oldKid, newKid);

    clock.advance(JwtElevatedTokenSigner.PUBLISH_AFTER_RETIREMENT.plusSeconds(1));
    assertThat(kids(signer.jwksJson())).containsExactly(newKid);
  }

  @Test
  void keysRotateByThemselvesAfterTheRotationPeriodAndAreSharedThroughTheStore() throws Exception {
    String first = SignedJWT.parse(signer.sign(claims("tok_1"))).getHeader().getKeyID();
    JwtElevatedTokenSigner otherNode =
        new JwtElevatedTokenSigner(
            store, cipher, "https://stepup.example", Duration.ofDays(30), clock);
    assertThat(otherNode.verify(signer.sign(claims("tok_2")))).isPresent();
    clock.advance(Duration.ofDays(31));
    String later = SignedJWT.parse(signer.sign(claims("tok_3"))).getHeader().getKeyID();
    assertThat(later).isNotEqualTo(first);
    clock.advance(Duration.ofSeconds(2));
    assertThat(otherNode.verify(signer.sign(claims("tok_4")))).isPresent();
  }

  private static List<String> kids(String jwks) throws Exception {
    return JWKSet.parse(jwks).getKeys().stream().map(k -> k.getKeyID()).toList();
  }
}
