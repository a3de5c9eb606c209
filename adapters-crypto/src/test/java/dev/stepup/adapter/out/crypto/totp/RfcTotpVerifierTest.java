package dev.stepup.adapter.out.crypto.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfcTotpVerifierTest {

  static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "at {0} s the SHA-1 code is {1}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void rfc6238AppendixBVectorsPass(long seconds, String expected) {
    RfcTotpVerifier eightDigits = new RfcTotpVerifier(8);
    long step = seconds / 30;
    assertThat(eightDigits.codeAt(new SecretKeySpec(RFC_SECRET, "HmacSHA1"), step))
        .isEqualTo(expected);
    assertThat(eightDigits.matchingTimeStep(RFC_SECRET, expected, Instant.ofEpochSecond(seconds)))
        .hasValue(step);
  }

  @Test
  void theCurrentStepAndOneStepBackAreAcceptedButNoLaterStep() {
    RfcTotpVerifier totp = new RfcTotpVerifier();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = now.getEpochSecond() / 30;
    SecretKeySpec key = new SecretKeySpec(RFC_SECRET, "HmacSHA1");
    assertThat(totp.matchingTimeStep(RFC_SECRET, totp.codeAt(key, step), now)).hasValue(step);
    assertThat(totp.matchingTimeStep(RFC_SECRET, totp.codeAt(key, step - 1), now))
        .hasValue(step - 1);
    assertThat(totp.matchingTimeStep(RFC_SECRET, totp.codeAt(key, step + 1), now)).isEmpty();
    assertThat(totp.matchingTimeStep(RFC_SECRET, totp.codeAt(key, step - 2), now)).isEmpty();
    assertThat(totp.matchingTimeStep(RFC_SECRET, totp.codeAt(key, step + 2), now)).isEmpty();
    assertThat(totp.matchingTimeStep(RFC_SECRET, "12345", now)).isEmpty();
    assertThat(totp.matchingTimeStep(RFC_SECRET, null, now)).isEmpty();
  }

  @Test
  void newSecretsAreTwentyRandomBytes() {
    RfcTotpVerifier totp = new RfcTotpVerifier();
    assertThat(totp.newSecret()).hasSize(20).isNotEqualTo(totp.newSecret());
  }
}
