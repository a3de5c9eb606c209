package dev.stepup.bench;

import dev.stepup.adapter.out.crypto.secret.BcryptHmacSecretHasher;
import java.security.SecureRandom;
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

/**
 * The keyed digest every API key, session token and code lookup computes (HMAC-SHA-256 under the
 * pepper), and its constant-time comparison.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {

  private BcryptHmacSecretHasher hasher;
  private final String sessionToken = "st_" + "x".repeat(43);
  private String digest;

  @Setup
  public void setUp() {
    byte[] pepper = new byte[32];
    new SecureRandom().nextBytes(pepper);
    hasher = new BcryptHmacSecretHasher(pepper);
    digest = hasher.digest(sessionToken);
  }

  @Benchmark
  public String digestSessionToken() {
    return hasher.digest(sessionToken);
  }

  @Benchmark
  public boolean compareDigest() {
    return hasher.digestMatches(sessionToken, digest);
  }
}
