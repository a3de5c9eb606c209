package dev.stepup.adapter.out.crypto.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.application.fakes.InMemorySigningKeys;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationClaimTest {

  final JwtElevatedTokenSigner signer =
      new JwtElevatedTokenSigner(
          new InMemorySigningKeys(),
          new AesGcmSecretCipher(new byte[32]),
          "https://stepup.example",
          Duration.ofDays(30),
          new MutableClock(JwtElevatedTokenSignerTest.NOW));

  static final OperationBinding BINDING =
      new OperationBinding(
          Optional.of("wal_A"),
          Optional.of(OperationDigest.parse("ab".repeat(32))),
          Optional.of(Amount.parse("100.5", "ETH")));

  private static ElevatedTokenClaims bound() {
    ElevatedTokenClaims c = JwtElevatedTokenSignerTest.claims("tok_b");
    return new ElevatedTokenClaims(
        c.tokenId(),
        c.environmentId(),
        c.userId(),
        c.sessionId(),
        c.scopes(),
        c.amr(),
        c.acr(),
        c.authTime(),
        c.singleUse(),
        c.issuedAt(),
        c.expiresAt(),
        Optional.of(BINDING));
  }

  @Test
  void aBoundTokenCarriesItsOperationAsAnAuthorizationDetailsEntry() throws Exception {
    SignedJWT jwt = SignedJWT.parse(signer.sign(bound()));

    assertThat(jwt.getJWTClaimsSet().getClaim("authorization_details"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type",
                    "stepup_operation",
                    "identifier",
                    "wal_A",
                    "sha256",
                    "ab".repeat(32),
                    "max_amount",
                    Map.of("amount", "100.5", "currency", "ETH"))));
    assertThat(signer.verify(jwt.serialize())).contains(bound());
  }

  @Test
  void anUnboundTokenHasNoAuthorizationDetails() throws Exception {
    SignedJWT jwt = SignedJWT.parse(signer.sign(JwtElevatedTokenSignerTest.claims("tok_u")));

    assertThat(jwt.getJWTClaimsSet().getClaim("authorization_details")).isNull();
  }
}
