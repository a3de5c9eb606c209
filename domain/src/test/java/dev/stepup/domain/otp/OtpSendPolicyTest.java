package dev.stepup.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The send window belongs to the policy: callers hand it the sends, it decides which count. */
class OtpSendPolicyTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private final OtpSendPolicy policy = new OtpSendPolicy();

  private static List<Instant> minutesAgo(long... minutes) {
    return java.util.Arrays.stream(minutes)
        .mapToObj(m -> NOW.minus(Duration.ofMinutes(m)))
        .toList();
  }

  @Test
  void fiveSendsWithinTheWindowWaitUntilTheOldestLeavesIt() {
    List<Instant> sends = minutesAgo(50, 40, 30, 20, 10);

    assertThat(policy.decide(Optional.of(sends.get(4)), sends, NOW))
        .isEqualTo(new OtpSendPolicy.Decision.Throttled(Duration.ofMinutes(10)));
  }

  @Test
  void aSendExactlyOneWindowAgoHasLeftIt() {
    List<Instant> sends = minutesAgo(60, 40, 30, 20, 10);

    assertThat(policy.decide(Optional.of(sends.get(4)), sends, NOW))
        .isInstanceOf(OtpSendPolicy.Decision.Allowed.class);
  }

  @Test
  void aSendWithinTheResendIntervalIsTooSoon() {
    Optional<Instant> last = Optional.of(NOW.minusSeconds(10));

    assertThat(policy.decide(last, List.of(last.get()), NOW))
        .isEqualTo(new OtpSendPolicy.Decision.Throttled(Duration.ofSeconds(20)));
    assertThat(OtpSendPolicy.tooSoonAfter(last, NOW)).isTrue();
    assertThat(OtpSendPolicy.tooSoonAfter(Optional.of(NOW.minusSeconds(30)), NOW)).isFalse();
  }
}
