package dev.stepup.bench;

import dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSigner;
import dev.stepup.adapter.out.crypto.secret.AesGcmSecretCipher;
import dev.stepup.application.fakes.InMemorySigningKeys;
import dev.stepup.application.port.out.token.ElevatedTokenClaims;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.ElevatedTokenId;
import dev.stepup.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** ES256 signing and verification of an elevated token, as issuance and introspection do them. */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenSigningBenchmark {

  private JwtElevatedTokenSigner signer;
  private ElevatedTokenClaims claims;
  private String signed;

  @Setup
  public void setUp() {
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);
    Clock clock = Clock.systemUTC();
    signer =
        new JwtElevatedTokenSigner(
            new InMemorySigningKeys(),
            new AesGcmSecretCipher(masterKey),
            "https://stepup.example",
            Duration.ofDays(30),
            clock);
    Instant now = clock.instant();
    claims =
        new ElevatedTokenClaims(
            new ElevatedTokenId("tok_bench"),
            new EnvironmentId("bench"),
            new UserId("usr_bench"),
            Optional.of(new SessionId("ses_bench")),
            Set.of(Scope.WALLET_EXPORT),
            List.of("otp"),
            "urn:stepup:acr:reauth",
            now,
            true,
            now,
            now.plus(Duration.ofMinutes(5)));
    signed = signer.sign(claims);
  }

  @Benchmark
  public String sign() {
    return signer.sign(claims);
  }

  @Benchmark
  public Optional<ElevatedTokenClaims> verify() {
    return signer.verify(signed);
  }
}
