package dev.stepup.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInCodeTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

  private static SignInCode fresh() {
    return SignInCode.issue(
        "sic_1",
        new EnvironmentId("demo"),
        "ann@example.com",
        Optional.of(new UserId("usr_1")),
        "digest",
        NOW);
  }

  @Test
  void aRightCodeIsAcceptedOnceWithinItsLifetime() {
    SignInCode code = fresh();
    assertThat(code.expiresAt()).isEqualTo(NOW.plus(OtpChallenge.LIFETIME));
    assertThat(code.verify(true, NOW.plusSeconds(60))).isEqualTo(OtpOutcome.ACCEPTED);
    assertThat(code.verify(true, NOW.plusSeconds(61))).isEqualTo(OtpOutcome.REPLAYED);
    assertThat(code.verify(false, NOW.plusSeconds(62))).isEqualTo(OtpOutcome.ALREADY_USED);
  }

  @Test
  void aCodeDiesAfterFiveWrongEntriesEvenIfTheSixthIsRight() {
    SignInCode code = fresh();
    for (int i = OtpChallenge.MAX_ATTEMPTS - 1; i >= 0; i--) {
      assertThat(code.verify(false, NOW)).isEqualTo(OtpOutcome.WRONG_CODE);
      assertThat(code.attemptsLeft()).isEqualTo(i);
    }
    assertThat(code.verify(true, NOW)).isEqualTo(OtpOutcome.TOO_MANY_ATTEMPTS);
  }

  @Test
  void anExpiredCodeIsRefusedEvenIfRight() {
    assertThat(fresh().verify(true, NOW.plus(OtpChallenge.LIFETIME))).isEqualTo(OtpOutcome.EXPIRED);
  }

  @Test
  void impossibleAttemptCountsAreRejected() {
    assertThatThrownBy(
            () ->
                new SignInCode(
                    "sic_1",
                    new EnvironmentId("demo"),
                    "ann@example.com",
                    Optional.empty(),
                    "digest",
                    NOW,
                    NOW,
                    OtpChallenge.MAX_ATTEMPTS + 1,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
